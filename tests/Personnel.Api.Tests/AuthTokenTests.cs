using System.Net;
using System.Text.Json;
using Personnel.Api.Tests.Infrastructure;

namespace Personnel.Api.Tests;

/// <summary>POST /api/auth/token: what a successful sign-in returns and what the token says; refusals that do not touch lockout counters.</summary>
public sealed class AuthTokenTests(PersonnelHost host) : IClassFixture<PersonnelHost>
{
    private readonly HttpClient _client = host.Client;

    [Fact]
    public async Task A_desk_officer_gets_a_bearer_token_for_their_commune()
    {
        var body = await (await _client.SignInAsync(Demo.DeskOfficer)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        var expiresIn = body.GetProperty("expiresIn").GetInt32();
        Assert.True(expiresIn > 0, $"expiresIn was {expiresIn}");
        var token = body.GetProperty("accessToken").GetString()!;
        var claims = PersonnelApi.JwtPayload(token);
        Assert.Equal(Demo.DeskOfficer, claims.GetProperty("sub").GetString());
        Assert.False(string.IsNullOrWhiteSpace(claims.GetProperty("name").GetString()));
        Assert.Equal(["desk-officer"], PersonnelApi.ClaimValues(claims.GetProperty("role")));
        Assert.Equal(Demo.MyThanh, claims.GetProperty("commune").GetString());
        // The person behind the account: what awards counts one vote per, whichever of their accounts signs in.
        Assert.Equal("mt-tu-phap", claims.GetProperty("staff").GetString());
        Assert.False(claims.TryGetProperty("district", out _), "a commune account's token must not carry a district claim");
        Assert.Equal("cchc-platform", claims.GetProperty("iss").GetString());
        Assert.Equal(expiresIn, claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64());
    }

    [Fact]
    public async Task The_district_admin_token_carries_the_district_and_both_district_roles()
    {
        var claims = PersonnelApi.JwtPayload(await _client.TokenAsync(Demo.DistrictAdmin));

        Assert.Equal(Demo.DistrictAdmin, claims.GetProperty("sub").GetString());
        Assert.False(string.IsNullOrWhiteSpace(claims.GetProperty("name").GetString()));
        Assert.Equal(Demo.District, claims.GetProperty("district").GetString());
        Assert.False(claims.TryGetProperty("commune", out _), "a district account's token must not carry a commune claim");
        Assert.False(claims.TryGetProperty("staff", out _), "an account of no staff member must not carry a staff claim");
        var roles = PersonnelApi.ClaimValues(claims.GetProperty("role"));
        Assert.Contains("district-admin", roles);
        Assert.Contains("district-officer", roles);
    }

    [Fact]
    public async Task The_radio_client_gets_a_radio_token_for_my_thanh()
    {
        var body = await (await _client.SignInClientAsync(Demo.RadioClient)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        var claims = PersonnelApi.JwtPayload(body.GetProperty("accessToken").GetString()!);
        Assert.Equal(Demo.RadioClient, claims.GetProperty("sub").GetString());
        Assert.Equal(["radio"], PersonnelApi.ClaimValues(claims.GetProperty("role")));
        Assert.Equal(Demo.MyThanh, claims.GetProperty("commune").GetString());
    }

    [Fact]
    public async Task Usernames_are_not_case_sensitive()
    {
        var claims = PersonnelApi.JwtPayload(await _client.TokenAsync("  MotCua.MyThanh "));

        Assert.Equal(Demo.DeskOfficer, claims.GetProperty("sub").GetString());
    }

    [Fact]
    public async Task An_unknown_user_is_401()
    {
        var problem = await (await _client.SignInAsync("khongco.mythanh")).ProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");

        Assert.DoesNotContain("khongco", problem.ToString());
    }

    [Fact]
    public async Task The_radio_clients_secret_does_not_sign_it_in_as_a_user()
    {
        await (await _client.SignInAsync(Demo.RadioClient)).ProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
    }

    [Theory]
    [InlineData("""{ "username": "", "password": "" }""", "username", "password")]
    [InlineData("""{ "username": "   ", "password": "Demo@2015" }""", "username", null)]
    [InlineData("""{ "username": "motcua.mythanh" }""", "password", null)]
    [InlineData("""{}""", "username", "password")]
    [InlineData("""{ "clientId": "", "clientSecret": "" }""", "clientId", "clientSecret")]
    [InlineData("""{ "clientId": "radio-mythanh" }""", "clientSecret", null)]
    public async Task Missing_or_empty_fields_are_a_400_naming_them(string json, string field, string? otherField)
    {
        var problem = await (await _client.PostRawAsync("/api/auth/token", null, json)).ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");

        var fields = TestApi.ErrorFields(problem);
        Assert.Contains(field, fields);
        if (otherField is not null) Assert.Contains(otherField, fields);
        Assert.Equal(otherField is null ? 1 : 2, fields.Count);
    }

    [Theory]
    [InlineData("""{ "username": "motcua.mythanh", "password": """)]
    [InlineData("not json at all")]
    [InlineData("""{ "username": 42, "password": true }""")]
    [InlineData("""[ "motcua.mythanh", "Demo@2015" ]""")]
    [InlineData("null")]
    [InlineData("")]
    public async Task Malformed_json_is_a_400_problem_not_a_500(string json)
    {
        var response = await _client.PostRawAsync("/api/auth/token", null, json);

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Issued_tokens_open_the_callers_own_commune()
    {
        var token = await _client.TokenAsync(Demo.DeskOfficer);

        var commune = await (await _client.GetAsync($"/api/communes/{Demo.MyThanh}", token)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(Demo.MyThanh, commune.GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Array, commune.GetProperty("hamlets").ValueKind);
    }
}
