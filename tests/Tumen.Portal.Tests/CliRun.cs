using Microsoft.Extensions.Time.Testing;
using Tumen.Cli;

namespace Tumen.Portal.Tests;

/// <summary>Runs the real <c>tumen</c> command in-process with its own variables and captured output.</summary>
internal static class CliRun
{
    public const string Passphrase = "correct horse battery staple";

    public static async Task<(int Code, string Out, string Error)> RunAsync(IReadOnlyDictionary<string, string> variables, CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var env = new CliEnvironment(output, error, TextReader.Null, name => variables.GetValueOrDefault(name), TimeProvider.System, Interactive: false);
        var code = await CliApp.RunAsync(args, env, cancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    public static Dictionary<string, string> Variables(string workspace) => new(StringComparer.Ordinal)
    {
        ["TUMEN_WORKSPACE"] = workspace,
        ["TUMEN_PASSPHRASE"] = Passphrase,
        ["TUMEN_ACTOR"] = "investigator-test",
    };

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 5, 1, 9, 30, 0, TimeSpan.Zero));
}
