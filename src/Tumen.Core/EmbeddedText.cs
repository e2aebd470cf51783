using System.Reflection;

namespace Tumen.Core;

/// <summary>Reads a UTF-8 text resource embedded in an assembly (reference data shipped with Tumen).</summary>
public static class EmbeddedText
{
    /// <summary>Returns the text of the resource whose name ends with <paramref name="fileName"/>.</summary>
    public static string Read(Assembly assembly, string fileName)
    {
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith("." + fileName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Resource {fileName} is missing from {assembly.GetName().Name}.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
