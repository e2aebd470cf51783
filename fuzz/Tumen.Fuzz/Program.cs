using SharpFuzz;
using Tumen.Fuzz;

// Usage: Tumen.Fuzz HARNESS            run under afl-fuzz (see fuzz/run.sh)
//        Tumen.Fuzz HARNESS FILE...    run the given inputs once each (replay a crash by hand)
if (args.Length == 0 || !Harnesses.Names.Contains(args[0], StringComparer.Ordinal))
{
    await Console.Error.WriteLineAsync($"usage: Tumen.Fuzz HARNESS [FILE...]; harnesses: {string.Join(", ", Harnesses.Names)}");
    return 2;
}

var harness = args[0];
if (args.Length > 1)
{
    foreach (var file in args.Skip(1))
    {
        Harnesses.Run(harness, await File.ReadAllBytesAsync(file));
        await Console.Out.WriteLineAsync($"{file}: ok");
    }

    return 0;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    Harnesses.Run(harness, buffer.ToArray());
});
return 0;
