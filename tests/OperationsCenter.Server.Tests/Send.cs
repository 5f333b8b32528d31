using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace OperationsCenter.Server.Tests;

/// <summary>Raw requests as InfluxDB clients send them.</summary>
internal static class Send
{
    public static HttpRequestMessage Lines(string url, string body, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "text/plain") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", token);
        }

        return request;
    }

    public static HttpRequestMessage Gzipped(string url, string body, string token)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(body));
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentEncoding.Add("gzip");
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", token);
        return request;
    }
}
