using Awards.Api.Extensions;
using Platform.ServiceDefaults.Hosting;
using Platform.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(AwardsModule.Name);
builder.AddAwards();
builder.AddPlatformBus();

var app = builder.Build();
// Behind the gateway: the public scheme and host (for the radio feed's links) from its X-Forwarded-*, and only from it.
app.UseTrustedProxies(app.Configuration.GetSection("Edge:TrustedProxies").Get<string[]>());
app.UseServiceDefaults();
app.MapAwardsApi();
app.Run();
