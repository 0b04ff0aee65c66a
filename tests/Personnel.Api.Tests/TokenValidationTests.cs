using System.Net;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Personnel.Api.Tests.Infrastructure;

namespace Personnel.Api.Tests;

/// <summary>Only a token the service signed, for this audience, and not yet expired, opens GET /api/communes/my-thanh.</summary>
public sealed class TokenValidationTests(PersonnelHost host) : IClassFixture<PersonnelHost>
{
    private const string MyThanh = "/api/communes/my-thanh";
    private readonly HttpClient _client = host.Client;
    private readonly PersonnelFactory _factory = host.Factory;

    private async Task AssertUnauthenticatedAsync(string? token)
    {
        var response = await _client.GetAsync(MyThanh, token);
        await response.ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task A_valid_forged_token_with_the_services_key_is_accepted_so_the_refusals_below_are_meaningful()
    {
        var token = TokenForge.ForCommune(_factory.Key, Demo.MyThanh);

        await (await _client.GetAsync(MyThanh, token)).JsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public Task No_token_is_401() => AssertUnauthenticatedAsync(null);

    [Fact]
    public Task Garbage_is_401() => AssertUnauthenticatedAsync("not-a-jwt");

    [Fact]
    public Task An_expired_token_is_401() =>
        AssertUnauthenticatedAsync(TokenForge.ForCommune(_factory.Key, Demo.MyThanh, expires: DateTime.UtcNow.AddMinutes(-5)));

    [Fact]
    public async Task A_token_with_one_character_of_its_payload_changed_is_401()
    {
        var token = await _client.TokenAsync(Demo.DeskOfficer);

        await AssertUnauthenticatedAsync(TokenForge.WithOneCharacterChanged(token));
    }

    [Fact]
    public async Task A_token_whose_commune_was_edited_is_401_on_the_other_commune()
    {
        var token = await _client.TokenAsync(Demo.DeskOfficer);
        var edited = TokenForge.WithPayloadEdited(token, "\"my-thanh\"", "\"luong-hoa\"");

        var response = await _client.GetAsync("/api/communes/luong-hoa", edited);

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public Task A_token_signed_by_another_key_is_401() => AssertUnauthenticatedAsync(TokenForge.SignedByStranger());

    [Fact]
    public Task A_token_signed_by_another_key_that_claims_the_services_key_id_is_401() =>
        AssertUnauthenticatedAsync(TokenForge.SignedByStranger(keyId: _factory.Key.KeyId));

    [Fact]
    public Task A_token_for_another_audience_is_401() =>
        AssertUnauthenticatedAsync(TokenForge.ForCommune(_factory.Key, Demo.MyThanh, audience: "another-platform"));

    [Fact]
    public Task A_token_from_another_issuer_is_401() =>
        AssertUnauthenticatedAsync(TokenForge.Create(_factory.Key.Credentials,
            new Dictionary<string, object> { ["commune"] = Demo.MyThanh, ["role"] = "desk-officer" }, issuer: "someone-else"));

    [Fact]
    public async Task An_unsigned_token_is_401()
    {
        static string Segment(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        var unsigned = Segment("""{"alg":"none","typ":"JWT"}""") + "." +
                       Segment($$"""{"sub":"x","role":"district-admin","district":"giong-trom","commune":"my-thanh","iss":"cchc-platform","aud":"cchc-platform","exp":{{exp}}}""") + ".";

        await AssertUnauthenticatedAsync(unsigned);
    }
}
