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

    /// <summary>The least memory a workspace may be created with outside tests: OWASP's Argon2id floor, 19 MiB.</summary>
    public const int MinimumMemoryKib = 19 * 1024;

    /// <summary>
    /// Whether these settings are ones Tumen could have written (1 MiB to 4 GiB, 1 to 64 passes):
    /// anything else in a stored key record is damage, refused before any memory is allocated.
    /// </summary>
    public bool IsPlausible => MemoryKib is >= 1024 and <= 4 * 1024 * 1024 && Passes is >= 1 and <= 64;
}
