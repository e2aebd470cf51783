namespace Tumen.Intake.Files;

/// <summary>A file after its metadata was removed: the bytes to seal, its real type and what was taken out.</summary>
public sealed record CleanFile(byte[] Content, string MediaType, string Extension, IReadOnlyList<string> Removed);
