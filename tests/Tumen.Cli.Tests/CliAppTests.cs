namespace Tumen.Cli.Tests;

public class CliAppTests
{
    [Fact]
    public async Task Version_PrintsTumenVersion()
    {
        var result = await CliRunner.RunAsync("version");
        result.ExitCode.ShouldBe(0);
        result.Out.ShouldStartWith("tumen ");
    }

    [Fact]
    public async Task UnknownCommand_ExitsWithBadInput()
    {
        var result = await CliRunner.RunAsync("no-such-command");
        result.ExitCode.ShouldBe(2);
    }
}
