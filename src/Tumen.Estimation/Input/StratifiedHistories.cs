using Tumen.Core;

namespace Tumen.Estimation.Input;

/// <summary>One stratum's patterns, kept raw because a small stratum may not support an estimate.</summary>
/// <param name="Name">The stratum's label as written in the input.</param>
/// <param name="Lists">The list names.</param>
/// <param name="Patterns">The stratum's pattern counts.</param>
public sealed record Stratum(string Name, IReadOnlyList<string> Lists, IReadOnlyList<PatternCount> Patterns)
{
    /// <summary>The number of people observed in the stratum.</summary>
    public long Observed => Patterns.Sum(p => p.Count);

    /// <summary>The stratum's capture histories; throws <see cref="TumenException"/> when they cannot support an estimate.</summary>
    public CaptureHistories ToHistories() => CaptureHistories.Create(Lists, Patterns);
}

/// <summary>Capture histories pooled over all strata, and each stratum on its own (empty when unstratified).</summary>
/// <param name="Total">All rows pooled.</param>
/// <param name="Strata">The strata in label order.</param>
public sealed record StratifiedHistories(CaptureHistories Total, IReadOnlyList<Stratum> Strata);
