using System.Collections.Concurrent;
using System.Net;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Personnel.Api.Tests.Infrastructure;
using Platform.Contracts.Personnel;
using static Personnel.Api.Tests.Infrastructure.PersonnelSteps;

namespace Personnel.Api.Tests;

/// <summary>A recorded training is announced (<see cref="TrainingCompleted"/>, committed with the training); a refused one is not.</summary>
public sealed class TrainingEventTests(PersonnelHost host) : IClassFixture<PersonnelHost>
{
    private readonly HttpClient _client = host.Client;

    [Fact]
    public async Task A_recorded_training_publishes_TrainingCompleted_and_a_refused_one_publishes_nothing()
    {
        var completed = new ConcurrentQueue<TrainingCompleted>();
        var observer = host.Factory.Services.GetRequiredService<IBus>().ConnectReceiveEndpoint("test-training-completed-" + Guid.NewGuid().ToString("N")[..8],
            e => e.Handler<TrainingCompleted>(context =>
            {
                completed.Enqueue(context.Message);
                return Task.CompletedTask;
            }));
        await observer.Ready;
        var office = await _client.TokenAsync(Office);
        var id = await _client.RegisterIdAsync(office, "Trương Văn Học", "civil-servant", "van-hoa-xa-hoi");

        await (await _client.PostJsonAsync($"{StaffPath()}/{id}/trainings", office, new { course = "Bồi dưỡng kỹ năng", completedOn = "2099-01-01", hours = 0 }))
            .ProblemAsync(HttpStatusCode.BadRequest, "invalid-input");
        await _client.AddTrainingAsync(office, id, "Bồi dưỡng nghiệp vụ một cửa", "2026-03-20", 16);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (completed.IsEmpty && DateTime.UtcNow < deadline) await Task.Delay(50, TestContext.Current.CancellationToken);
        await Task.Delay(500, TestContext.Current.CancellationToken); // room for a wrong second event to arrive
        var training = Assert.Single(completed, t => t.StaffId == id);
        Assert.Equal(("my-thanh", "Bồi dưỡng nghiệp vụ một cửa", new DateOnly(2026, 3, 20), 16.0),
            (training.Commune, training.Course, training.CompletedOn, training.Hours));
        await observer.StopAsync(TestContext.Current.CancellationToken);
    }
}
