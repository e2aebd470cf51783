using Tumen.Application;

namespace Tumen.Application.Tests;

public class AssemblyMarkerTests
{
    [Fact]
    public void Application_References_NoFrontEnd()
    {
        var referenced = typeof(AssemblyMarker).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        referenced.ShouldNotContain("tumen", StringComparer.Ordinal);
        referenced.ShouldNotContain("Tumen.Web", StringComparer.Ordinal);
    }
}
