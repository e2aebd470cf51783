using Microsoft.Extensions.Time.Testing;

namespace Tumen.Cli.Tests;

/// <summary>Runs the real <c>tumen</c> command tree in-process and captures what it prints.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string>? variables, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var env = new CliEnvironment(
            stdout,
            stderr,
            TextReader.Null,
            name => variables is not null && variables.TryGetValue(name, out var v) ? v
                : string.Equals(name, WorkspaceAccess.TestKdfVariable, StringComparison.Ordinal) ? "1" : null,
            new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero)),
            Interactive: false);
        var code = await CliApp.RunAsync(args, env, TestContext.Current.CancellationToken);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    public static Task<Result> RunAsync(params string[] args) => RunAsync(null, args);
}
