using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Security;

/// <summary>
/// A small OpenID Connect provider on a loopback port: discovery, keys, and a token endpoint that issues a signed
/// id_token for the code it handed out, with the nonce of the matching authorization request.
/// </summary>
internal sealed class IdentityProvider : IAsyncDisposable
{
    public const string ClientId = "operations-center";
    public const string ClientSecret = "provider-secret-for-tests";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "test-key" };
    private readonly ConcurrentDictionary<string, string> _nonceByCode = new();

    private IdentityProvider(int port)
    {
        Authority = new Uri($"http://127.0.0.1:{port}");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        var issuer = Authority.ToString().TrimEnd('/');
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer,
            ["authorization_endpoint"] = $"{issuer}/authorize",
            ["token_endpoint"] = $"{issuer}/token",
            ["jwks_uri"] = $"{issuer}/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        _app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.Rsa.ExportParameters(false)) { KeyId = _key.KeyId });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        _app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret || !_nonceByCode.TryRemove(form["code"].ToString(), out var nonce))
            {
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            }

            var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = issuer,
                Audience = ClientId,
                IssuedAt = DateTime.UtcNow,
                Expires = DateTime.UtcNow.AddMinutes(5),
                SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
                Claims = new Dictionary<string, object>
                {
                    ["sub"] = "u-1042",
                    ["nonce"] = nonce,
                    ["preferred_username"] = User,
                    ["name"] = "Đỗ Thị Hà",
                    ["roles"] = new[] { "ioc-operators", "unrelated-group" },
                },
            });
            return Results.Json(new { access_token = "opaque", token_type = "Bearer", expires_in = 300, id_token = token });
        });
    }

    /// <summary>The sign-in name the provider vouches for.</summary>
    public const string User = "ha.do@laichau.gov.vn";

    public Uri Authority { get; }

    public static async Task<IdentityProvider> StartAsync()
    {
        var provider = new IdentityProvider(FreePort.Next());
        await provider._app.StartAsync();
        return provider;
    }

    /// <summary>What the provider's sign-in page does once the person has signed in: a code for this request's nonce.</summary>
    public string IssueCode(string nonce)
    {
        var code = Guid.NewGuid().ToString("N");
        _nonceByCode[code] = nonce;
        return code;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
