using System.Diagnostics;

namespace Tumen.Cli.Tests;

/// <summary>Runs the real <c>tumen</c> executable in its own process, as scripts and users do.</summary>
public sealed class TumenProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private TumenProcess(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public sealed record Result(int ExitCode, string Out, string Error);

    public static TumenProcess Start(IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tumen.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment[WorkspaceAccess.TestKdfVariable] = "1";
        foreach (var (name, value) in variables)
        {
            info.Environment[name] = value;
        }

        return new TumenProcess(Process.Start(info)!);
    }

    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        using var process = Start(variables, args);
        return await process.WaitAsync();
    }

    public async Task<Result> WaitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await _process.WaitForExitAsync(timeout.Token);
        return new Result(_process.ExitCode, await _stdout, await _stderr);
    }

    /// <summary>SIGKILL: no handler, no cleanup, exactly like a power cut for the process.</summary>
    public async Task<Result> KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        return await WaitAsync();
    }

    public bool HasExited => _process.HasExited;

    public void Dispose() => _process.Dispose();
}
