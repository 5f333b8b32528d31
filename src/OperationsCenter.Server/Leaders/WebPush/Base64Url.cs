namespace OperationsCenter.Server.Leaders.WebPush;

/// <summary>Base64url without padding, as Web Push keys travel.</summary>
internal static class Base64Url
{
    /// <summary>Encodes <paramref name="bytes"/>.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    /// <summary>Decodes <paramref name="text"/>; null when it is not base64url.</summary>
    public static byte[]? TryDecode(string text)
    {
        try
        {
            return System.Buffers.Text.Base64Url.DecodeFromChars(text.TrimEnd('='));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
