namespace Tumen.Storage.Protection;

/// <summary>
/// Argon2id cost settings, stored beside the wrapped key so they can be raised later without
/// breaking existing workspaces.
/// </summary>
/// <param name="MemoryKib">Memory cost in KiB.</param>
/// <param name="Passes">Number of passes over memory.</param>
public sealed record KdfParameters(int MemoryKib, int Passes)
{
    /// <summary>
    /// 64 MiB and 3 passes: above the OWASP floor (19 MiB, 2 passes) with unlock well under a second
    /// on a two-core laptop; docs/BENCHMARKS.md records the measured time.
    /// </summary>
    public static KdfParameters Default { get; } = new(64 * 1024, 3);
}
