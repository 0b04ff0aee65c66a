using Awards.Api.Extensions;
using Feedback.Api.Extensions;
using Personnel.Api.Extensions;
using Platform.Gateway.Edge;
using Platform.ServiceDefaults.Hosting;
using Platform.ServiceDefaults.Messaging;
using Platform.Standalone;
using Platform.Web;
using Procedures.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddEmbeddedDefaults();
builder.AddServiceDefaults("standalone");
builder.AddEdge();
builder.AddPersonnel();
builder.AddProcedures();
builder.AddFeedback();
builder.AddAwards();
builder.AddPlatformBus();
builder.AddWebApp();

var app = builder.Build();
app.UseServiceDefaults(edge => edge.UseEdge().UseWebApp());
app.MapApiDocs();
app.MapPersonnelApi();
app.MapProceduresApi();
app.MapFeedbackApi();
app.MapAwardsApi();
app.MapWebApp();

if (await StandaloneHost.RefusalAsync(app) is { } refusal)
{
    Console.Error.WriteLine($"Refusing to start: {refusal}");
    return 2;
}
app.Lifetime.ApplicationStarted.Register(() => StandaloneHost.PrintBanner(app));
try
{
    await app.RunAsync();
}
catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    Console.Error.WriteLine($"Cannot listen: {e.Message} Another copy may be running; or choose another address, e.g. --urls http://127.0.0.1:5081");
    return 3;
}
return 0;
