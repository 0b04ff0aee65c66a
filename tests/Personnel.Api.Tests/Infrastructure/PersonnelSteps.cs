using System.Net;
using System.Text.Json;
using Personnel.Api.Domain;

namespace Personnel.Api.Tests.Infrastructure;

/// <summary>The demo people of my-thanh the personnel tests lean on, and the steps that set up staff through the API.</summary>
public static class PersonnelSteps
{
    /// <summary>vanphong.mythanh, commune-office, staff record mt-van-phong (Lê Văn Tâm).</summary>
    public const string Office = "vanphong.mythanh";
    public const string OfficeName = "Lê Văn Tâm";
    public const string LeaderName = "Phạm Thanh Diễn";

    /// <summary>A qualified civil servant, on the desk since 2015-07-09.</summary>
    public const string DeskStaff = "mt-tu-phap";
    /// <summary>A civil servant without the degree and the courses the desk requires.</summary>
    public const string UntrainedCivilServant = "mt-van-phong";
    public const string CultureCivilServant = "mt-van-hoa";
    /// <summary>The chairman: a cadre.</summary>
    public const string Chairman = "mt-chu-tich";
    public const string ViceChairman = "mt-pho-chu-tich";
    public const string FrontCadre = "mt-mttq";
    /// <summary>A hamlet chief: non-specialised staff.</summary>
    public const string HamletChief = "mt-ap-3";

    public static readonly IReadOnlyList<string> DemoStaffIds = [Chairman, ViceChairman, DeskStaff, UntrainedCivilServant, CultureCivilServant, FrontCadre, HamletChief];

    public static string StaffPath(string commune = Demo.MyThanh) => $"/api/communes/{commune}/staff";

    /// <summary>Registers a person and returns the whole answer (a StaffView: <c>staff</c>, <c>positionTitle</c>, gaps).</summary>
    public static async Task<JsonElement> RegisterAsync(this HttpClient client, string token, string fullName, string kind = "civil-servant",
        string position = "van-hoa-xa-hoi", string[]? qualifications = null, string? hamlet = null, string commune = Demo.MyThanh) =>
        await (await client.PostJsonAsync(StaffPath(commune), token,
            new { fullName, kind, position, phone = "0275 3861 099", hamlet, qualifications = qualifications ?? [] })).JsonAsync(HttpStatusCode.Created);

    public static string IdOf(JsonElement staffView) => staffView.GetProperty("staff").GetProperty("id").GetString()!;

    public static async Task<string> RegisterIdAsync(this HttpClient client, string token, string fullName, string kind = "civil-servant",
        string position = "van-hoa-xa-hoi", string commune = Demo.MyThanh) =>
        IdOf(await client.RegisterAsync(token, fullName, kind, position, commune: commune));

    public static async Task<JsonElement> AddTrainingAsync(this HttpClient client, string token, string staffId, string course, string completedOn, double hours,
        string commune = Demo.MyThanh) =>
        await (await client.PostJsonAsync($"{StaffPath(commune)}/{staffId}/trainings", token, new { course, completedOn, hours })).JsonAsync(HttpStatusCode.OK);

    /// <summary>A civil servant with the intermediate degree and both desk courses: everything the desk asks.</summary>
    public static async Task<string> RegisterDeskQualifiedAsync(this HttpClient client, string token, string fullName, string commune = Demo.MyThanh)
    {
        var id = IdOf(await client.RegisterAsync(token, fullName, "civil-servant", "tu-phap-ho-tich", [Positions.IntermediateDegree], commune: commune));
        await client.AddTrainingAsync(token, id, Positions.StateManagementCourse, "2023-11-20", 120, commune);
        var view = await client.AddTrainingAsync(token, id, Positions.OneStopCourse, "2024-03-15", 24, commune);
        Assert.Equal(0, view.GetProperty("deskGaps").GetArrayLength());
        return id;
    }

    public static IReadOnlyList<string> StringsOf(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    /// <summary>The <c>reasons</c> of a 422 problem.</summary>
    public static IReadOnlyList<string> Reasons(JsonElement problem) => StringsOf(problem.GetProperty("reasons"));

    /// <summary>The messages of one field of a 400's <c>errors</c>.</summary>
    public static IReadOnlyList<string> FieldErrors(JsonElement problem, string field) => StringsOf(problem.GetProperty("errors").GetProperty(field));
}
