using Spectre.Console;

namespace Tumen.Cli;

/// <summary>Spectre.Console bound to the command's own writers, plain when not in a terminal.</summary>
internal static class CliOutput
{
    /// <summary>Text safe to print on a terminal: control and bidi characters escaped, never run by the terminal.</summary>
    public static string Safe(string text) => Tumen.Core.DisplayPath.Of(text);

    /// <summary>A console for tables and markup on standard output.</summary>
    public static IAnsiConsole Console(CliEnvironment env) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(env.Out),
        Ansi = env.Interactive ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = env.Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
    });

    /// <summary>
    /// Runs <paramref name="work"/> with a progress bar on standard error in a terminal, and silently
    /// otherwise (scripts read standard output).
    /// </summary>
    public static async Task<T> WithProgressAsync<T>(CliEnvironment env, string label, double total, Func<IProgress<double>, Task<T>> work)
    {
        if (!env.Interactive)
        {
            return await work(new Progress<double>()).ConfigureAwait(false);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(env.Error) });
        T result = default!;
        await console.Progress().AutoClear(true).StartAsync(async context =>
        {
            var task = context.AddTask(label, maxValue: Math.Max(total, 1));
            result = await work(new Progress<double>(value => task.Value = value)).ConfigureAwait(false);
            task.Value = task.MaxValue;
        }).ConfigureAwait(false);
        return result;
    }
}
