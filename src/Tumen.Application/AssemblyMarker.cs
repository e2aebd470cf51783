namespace Tumen.Application;

/// <summary>
/// The operations both front ends call (the command line and the web app): import, person
/// queries, linking and review, estimation, export, verification and backups. Each operation is
/// written once here, with typed inputs and outputs; front ends parse, call and print.
/// </summary>
public static class AssemblyMarker;
