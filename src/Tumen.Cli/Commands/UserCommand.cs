using System.CommandLine;
using Tumen.Application.Users;
using Tumen.Storage.Users;

namespace Tumen.Cli.Commands;

/// <summary>
/// <c>tumen user add|list|disable|reset-2fa</c>: the web application's accounts, for administrators
/// at the command line (the first administrator is made here).
/// </summary>
internal static class UserCommand
{
    public const string PasswordVariable = "TUMEN_USER_PASSWORD";

    public static Command Create(CliEnvironment env)
    {
        var command = new Command("user", "Manage the web application's accounts.");
        command.Subcommands.Add(Add(env));
        command.Subcommands.Add(List(env));
        command.Subcommands.Add(Change(env, "disable", "Disable an account and end its sessions.", (a, actor, name, ct) => a.DisableAsync(actor, name, ct), "disabled"));
        command.Subcommands.Add(Change(env, "reset-2fa", "Remove an account's authenticator; it enrols a new one at the next sign-in.", (a, actor, name, ct) => a.ResetTwoFactorAsync(actor, name, ct), "reset: a new authenticator is set up at the next sign-in"));
        return command;
    }

    private static Command Add(CliEnvironment env)
    {
        var workspace = WorkspaceAccess.WorkspaceOption();
        var name = new Argument<string>("name") { Description = "The login name." };
        var role = new Option<string>("--role")
        {
            Description = $"One of: {string.Join(", ", UserRoles.All)}.",
            Required = true,
        };
        var culture = new Option<string>("--language")
        {
            Description = "Interface language: en, ko or zh-Hans.",
            DefaultValueFactory = _ => SupportedCultures.English,
        };
        var add = new Command("add", $"Add an account (password from {PasswordVariable} or a prompt; the authenticator is set up at the first sign-in).")
        {
            workspace, name, role, culture,
        };
        add.SetAction(async (parse, ct) =>
        {
            using var opened = await WorkspaceAccess.OpenAsync(env, parse, workspace, ct).ConfigureAwait(false);
            var password = WorkspaceAccess.Passphrase(env, PasswordVariable, "Password for the new account: ", confirm: true);
            var accounts = new UserAccounts(opened, new PasswordHasher(PasswordCost.Default));
            var user = await accounts.CreateAsync(opened.Session.Actor, parse.GetValue(name)!, parse.GetValue(role)!, password, parse.GetValue(culture)!, ct).ConfigureAwait(false);
            await env.Out.WriteLineAsync($"added {user.UserName} ({user.Role}), id {user.Id:D}; an authenticator is set up at the first sign-in.").ConfigureAwait(false);
            return 0;
        });
        return add;
    }

    private static Command List(CliEnvironment env)
    {
        var workspace = WorkspaceAccess.WorkspaceOption();
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var list = new Command("list", "List the accounts.") { workspace, json };
        list.SetAction(async (parse, ct) =>
        {
            using var opened = await WorkspaceAccess.OpenAsync(env, parse, workspace, ct).ConfigureAwait(false);
            var users = await new UserAccounts(opened, new PasswordHasher(PasswordCost.Default)).ListAsync(ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                CliJson.Write(env.Out, users);
                return 0;
            }

            foreach (var u in users)
            {
                await env.Out.WriteLineAsync($"{u.UserName,-24} {u.Role,-14} {(u.TwoFactorEnabled ? "2fa" : "no-2fa"),-7} {(u.Disabled ? "disabled" : "active")}").ConfigureAwait(false);
            }

            return 0;
        });
        return list;
    }

    private static Command Change(CliEnvironment env, string verb, string description, Func<UserAccounts, string, string, CancellationToken, Task> change, string done)
    {
        var workspace = WorkspaceAccess.WorkspaceOption();
        var name = new Argument<string>("name") { Description = "The login name." };
        var command = new Command(verb, description) { workspace, name };
        command.SetAction(async (parse, ct) =>
        {
            using var opened = await WorkspaceAccess.OpenAsync(env, parse, workspace, ct).ConfigureAwait(false);
            await change(new UserAccounts(opened, new PasswordHasher(PasswordCost.Default)), opened.Session.Actor, parse.GetValue(name)!, ct).ConfigureAwait(false);
            await env.Out.WriteLineAsync($"{parse.GetValue(name)}: {done}.").ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
