using System.Diagnostics;
using System.Globalization;
using Tumen.Estimation;
using Tumen.Estimation.Input;

// End-to-end timings of the estimation goals in issue 5: each task runs once to warm the JIT,
// then `runs` times; the table shows the fastest and the median wall-clock time and the median
// CPU time of the process (the machine is shared, so wall time carries other people's load).
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var data = Path.Combine(AppContext.BaseDirectory, "Data");
CaptureHistories Load(string name) => CaptureCsv.ReadFile(Path.Combine(data, name + ".csv"));

var tasks = new (string Name, double GoalSeconds, Func<double?> Run)[]
{
    ("Western: stepwise + 1,000 BCa", 2.5, () => Stepwise(Load("Western"))),
    ("UKdat (6 lists): stepwise + 1,000 BCa", 5.0, () => Stepwise(Load("UKdat"))),
    ("UKdat_5: stepwise + 1,000 BCa", 5.0, () => Stepwise(Load("UKdat_5"))),
    ("Kosovo: LCMCR reference run (110,500 sweeps)", 1.0, () => PopulationEstimator.Estimate(
        Load("Kosovo"), new EstimationOptions([EstimationMethod.Lcmcr], Seed: 1, Chains: 1)).Results[0].Estimate),
    ("Kosovo: LCMCR, 4 pooled chains (CLI default)", double.NaN, () => PopulationEstimator.Estimate(
        Load("Kosovo"), new EstimationOptions([EstimationMethod.Lcmcr], Seed: 1, Chains: 4)).Results[0].Estimate),
};

if (File.Exists("/proc/loadavg"))
{
    Console.WriteLine($"load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
}

Console.WriteLine($"{"task",-46} {"goal s",7} {"min s",7} {"median s",9} {"cpu s",7}  estimate");
foreach (var (name, goal, run) in tasks)
{
    run();
    var wall = new List<double>();
    var cpu = new List<double>();
    double? estimate = null;
    for (var i = 0; i < runs; i++)
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        estimate = run();
        wall.Add(watch.Elapsed.TotalSeconds);
        process.Refresh();
        cpu.Add((process.TotalProcessorTime - cpuBefore).TotalSeconds);
    }

    wall.Sort();
    cpu.Sort();
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{name,-46} {goal,7:F2} {wall[0],7:F2} {wall[runs / 2],9:F2} {cpu[runs / 2],7:F2}  {estimate:F0}"));
}

static double? Stepwise(CaptureHistories histories) =>
    PopulationEstimator.Estimate(histories, new EstimationOptions([EstimationMethod.Stepwise], BootstrapReplicates: 1000)).Results[0].Estimate;
