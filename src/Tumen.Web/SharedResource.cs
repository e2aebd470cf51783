namespace Tumen.Web;

/// <summary>Marker for the interface strings in Resources/SharedResource.{en,ko,zh-Hans}.resx.</summary>
public sealed class SharedResource;
