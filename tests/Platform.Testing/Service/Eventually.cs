using Xunit;

namespace Platform.Testing.Service;

/// <summary>Waits for what a service does in the background (an event consumed, an outbox published), failing the test after a while.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for {what}.");
            await Task.Delay(25);
        }
    }
}
