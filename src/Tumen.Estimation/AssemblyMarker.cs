namespace Tumen.Estimation;

/// <summary>Marks the assembly; used by reflection-free lookups of this area.</summary>
public static class AssemblyMarker
{
}
