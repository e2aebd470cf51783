using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tumen.Storage;

/// <summary>JSON settings for what Tumen encrypts and stores; fixed so old ciphertexts stay readable.</summary>
public static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
