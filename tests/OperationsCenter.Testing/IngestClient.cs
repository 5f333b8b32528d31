using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace OperationsCenter.Testing;

/// <summary>Writes line protocol to a center the way a department's agent does.</summary>
public static class IngestClient
{
    /// <summary>POSTs to <c>/write</c> with the department's test key and throws unless the answer is 204.</summary>
    public static async Task WriteLinesAsync(HttpClient client, string department, string lineProtocol)
    {
        using var response = await PostLinesAsync(client, department, lineProtocol);
        if (response.StatusCode != HttpStatusCode.NoContent)
        {
            throw new InvalidOperationException(
                $"expected 204 from /write, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>POSTs to <c>/write</c> with the department's test key and returns the answer as it is.</summary>
    public static Task<HttpResponseMessage> PostLinesAsync(HttpClient client, string department, string lineProtocol)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/write?db=ioc")
        {
            Content = new StringContent(lineProtocol, Encoding.UTF8, "text/plain"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", TestDepartments.KeyFor(department));
        return client.SendAsync(request);
    }
}
