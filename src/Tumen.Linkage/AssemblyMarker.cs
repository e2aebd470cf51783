namespace Tumen.Linkage;

/// <summary>Marks the assembly; used by reflection-free lookups of this area.</summary>
public static class AssemblyMarker
{
}
