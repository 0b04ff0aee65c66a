using Personnel.Api.Extensions;
using Platform.ServiceDefaults.Hosting;
using Platform.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(PersonnelModule.Name);
builder.AddPersonnel();
builder.AddPlatformBus();

var app = builder.Build();
app.UseServiceDefaults();
app.MapPersonnelApi();
app.Run();
