using System.Net;
using Personnel.Api.Tests.Infrastructure;

namespace Personnel.Api.Tests;

/// <summary>Refused sign-ins that may count towards a lockout: each test has its own service and data.</summary>
public sealed class SignInFailureTests
{
    [Fact]
    public async Task A_wrong_password_is_401_invalid_credentials()
    {
        await using var factory = new PersonnelFactory();
        using var client = factory.CreateClient();

        var problem = await (await client.SignInAsync(Demo.DeskOfficer, "Demo@2016")).ProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");

        Assert.False(problem.TryGetProperty("accessToken", out _));
        await client.TokenAsync(Demo.DeskOfficer); // one failure does not lock
    }

    [Fact]
    public async Task A_users_password_used_as_client_credentials_is_401_because_users_are_not_clients()
    {
        await using var factory = new PersonnelFactory();
        using var client = factory.CreateClient();

        await (await client.SignInClientAsync(Demo.DeskOfficer)).ProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
        await (await client.SignInClientAsync(Demo.DistrictAdmin)).ProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
    }

    [Fact]
    public async Task Attempts_as_a_client_do_not_lock_the_user_account()
    {
        await using var factory = new PersonnelFactory();
        using var client = factory.CreateClient();

        for (var i = 0; i < Personnel.Api.Domain.SignInThrottle.FreeFailures; i++)
            await (await client.SignInClientAsync(Demo.DeskOfficer, "wrong-" + i)).ProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");

        await client.TokenAsync(Demo.DeskOfficer);
    }
}
