using System.CommandLine;
using System.Reflection;

namespace Tumen.Cli.Commands;

/// <summary><c>tumen version</c>: prints the build, for bug reports and custody records.</summary>
internal static class VersionCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("version", "Print Tumen's version.");
        command.SetAction(_ =>
        {
            var version = typeof(VersionCommand).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            env.Out.WriteLine($"tumen {version}");
            return 0;
        });
        return command;
    }
}
