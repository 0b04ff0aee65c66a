using Procedures.Api.Extensions;
using Platform.ServiceDefaults.Hosting;
using Platform.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(ProceduresModule.Name);
builder.AddProcedures();
builder.AddPlatformBus();

var app = builder.Build();
app.UseServiceDefaults();
app.MapProceduresApi();
app.Run();
