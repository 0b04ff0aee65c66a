using Awards.Api.Extensions;
using Platform.ServiceDefaults.Hosting;
using Platform.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(AwardsModule.Name);
builder.AddAwards();
builder.AddPlatformBus();

var app = builder.Build();
app.UseServiceDefaults();
app.MapAwardsApi();
app.Run();
