global using Procedures.Api.Tests.Infrastructure;
