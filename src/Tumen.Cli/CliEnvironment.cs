namespace Tumen.Cli;

/// <summary>
/// Everything a command touches outside its arguments, so tests can run the real command
/// in-process with their own streams, variables and clock.
/// </summary>
public sealed record CliEnvironment(
    TextWriter Out,
    TextWriter Error,
    TextReader In,
    Func<string, string?> GetVariable,
    TimeProvider Time,
    bool Interactive)
{
    /// <summary>The process's own console, environment and clock.</summary>
    public static CliEnvironment FromProcess() => new(
        Console.Out,
        Console.Error,
        Console.In,
        Environment.GetEnvironmentVariable,
        TimeProvider.System,
        !Console.IsInputRedirected && !Console.IsErrorRedirected);
}
