using Personnel.Api.Apis;
using Personnel.Api.Domain;
using Platform.Contracts.Personnel;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Storage;
using Platform.ServiceDefaults.Tenancy;

namespace Personnel.Api.Tests;

/// <summary>Personnel's domain operations: the state each returns and the events it raises, field by field, with no store or HTTP.</summary>
public sealed class DomainEventTests
{
    private const string Commune = "my-thanh";
    private static readonly DateTime Now = new(2026, 3, 20, 2, 0, 0, DateTimeKind.Utc);
    private static readonly District GiongTrom = new("giong-trom", "Huyện Giồng Trôm", DistrictKind.District);

    private static StaffMember Member() => new()
    {
        Id = "mt-tu-phap", FullName = "Trần Thị Mai", Kind = StaffKind.CivilServant, Position = "tu-phap-ho-tich",
    };

    private static Account AccountWith(string? stamp) => new()
    {
        Username = "motcua.mythanh", DisplayName = "Trần Thị Mai", SecretHash = "x", Roles = [Roles.DeskOfficer], Commune = Commune, SecurityStamp = stamp,
    };

    [Fact]
    public void Onboarding_a_commune_raises_CommuneOnboarded_with_its_district_and_trimmed_names()
    {
        var onboarded = CommuneOnboarding.Onboard(GiongTrom, "my-thanh", " Xã Mỹ Thạnh ", [("ap-1", " Ấp 1 "), ("ap-2", "Ấp 2")], Now);

        Assert.Equal(("my-thanh", "Xã Mỹ Thạnh", "giong-trom", "Huyện Giồng Trôm", DistrictKind.District, Now),
            (onboarded.Commune, onboarded.Name, onboarded.District, onboarded.DistrictName, onboarded.DistrictKind, onboarded.OnboardedAt));
        Assert.Equal([("ap-1", "Ấp 1"), ("ap-2", "Ấp 2")], onboarded.Hamlets.Select(h => (h.Code, h.Name)));
    }

    [Fact]
    public void Onboarding_refuses_each_field_at_fault()
    {
        var refused = Assert.Throws<InvalidInputException>(() =>
            CommuneOnboarding.Onboard(GiongTrom, "Mỹ Thạnh", "", [("ap-1", "Ấp 1"), ("ap-1", "Ấp Một"), (null, "Ấp 3")], Now));

        Assert.Equal(["code", "hamlets", "hamlets[2].code", "name"], refused.Errors.Keys.Order());
        Assert.Contains("hamlets", Assert.Throws<InvalidInputException>(() => CommuneOnboarding.Onboard(GiongTrom, "my-thanh", "Xã Mỹ Thạnh", null, Now)).Errors.Keys);
    }

    [Fact]
    public void The_onboarding_commits_the_directory_record_the_readiness_and_the_event_together()
    {
        var onboarded = CommuneOnboarding.Onboard(GiongTrom, "my-thanh", "Xã Mỹ Thạnh", [("ap-1", "Ấp 1")], Now);

        var changes = CommunesApi.Record(onboarded);

        Assert.Equal([typeof(CommuneRecord), typeof(CommuneReadiness)], changes.Documents.Select(d => d.DocumentType));
        Assert.All(changes.Documents, d => Assert.Equal((Scopes.Platform, "my-thanh", ChangeKind.Insert), (d.Commune, d.Id, d.Kind)));
        var message = Assert.Single(changes.Outbox);
        Assert.Equal((typeof(CommuneOnboarded).FullName, "my-thanh"), (message.MessageType, message.Commune));
    }

    [Fact]
    public void Registering_a_member_raises_StaffRegistered()
    {
        var registered = StaffMember.Register(Commune, Member());

        Assert.Equal(Member(), registered.State);
        var e = Assert.IsType<StaffRegistered>(Assert.Single(registered.Events));
        Assert.Equal((Commune, "mt-tu-phap", "Trần Thị Mai", StaffKind.CivilServant, "tu-phap-ho-tich"), (e.Commune, e.StaffId, e.FullName, e.Kind, e.Position));
    }

    [Fact]
    public void A_completed_training_is_added_to_the_record_and_raises_TrainingCompleted()
    {
        var training = new Training(Positions.OneStopCourse, new DateOnly(2026, 3, 19), 24, Now, "vanphong.mythanh");

        var trained = Member().CompleteTraining(Commune, training);

        Assert.Equal([training], trained.State.Trainings);
        Assert.Equal(new StaffChange(Now, "vanphong.mythanh", $"training: {Positions.OneStopCourse}"), Assert.Single(trained.State.History));
        var e = Assert.IsType<TrainingCompleted>(Assert.Single(trained.Events));
        Assert.Equal((Commune, "mt-tu-phap", Positions.OneStopCourse, new DateOnly(2026, 3, 19), 24.0), (e.Commune, e.StaffId, e.Course, e.CompletedOn, e.Hours));
    }

    [Fact]
    public void A_period_on_the_desk_raises_DeskAssignmentChanged_when_it_begins_and_when_it_ends()
    {
        var from = new DateOnly(2026, 3, 23);

        var begun = DeskAssignment.Begin(Commune, "mt-tu-phap", from, Now, "chutich.mythanh");
        var ended = begun.State.End(Commune, new DateOnly(2026, 6, 30));

        Assert.Equal(new DeskAssignment("mt-tu-phap", from, null, Now, "chutich.mythanh"), begun.State);
        var on = Assert.IsType<DeskAssignmentChanged>(Assert.Single(begun.Events));
        Assert.Equal((Commune, "mt-tu-phap", true, from, (DateOnly?)null), (on.Commune, on.StaffId, on.OnDesk, on.From, on.Until));
        Assert.Equal(new DateOnly(2026, 6, 30), ended.State.Until);
        var off = Assert.IsType<DeskAssignmentChanged>(Assert.Single(ended.Events));
        Assert.Equal((Commune, "mt-tu-phap", false, from, (DateOnly?)new DateOnly(2026, 6, 30)), (off.Commune, off.StaffId, off.OnDesk, off.From, off.Until));
        Assert.Equal("mt-tu-phap:20260323", DeskAssignment.Key("mt-tu-phap", from));
    }

    [Fact]
    public void A_period_cannot_end_before_it_begins_unless_it_is_cancelled()
    {
        var scheduled = DeskAssignment.Begin(Commune, "mt-tu-phap", new DateOnly(2026, 4, 1), Now, null).State;

        Assert.Equal(["until"], Assert.Throws<InvalidInputException>(() => scheduled.End(Commune, new DateOnly(2026, 3, 20))).Errors.Keys);
        var cancelled = scheduled.End(Commune, new DateOnly(2026, 3, 20), cancelIfNotBegun: true);
        Assert.Equal(new DateOnly(2026, 3, 31), cancelled.State.Until);
        Assert.Equal(new DateOnly(2026, 3, 31), Assert.IsType<DeskAssignmentChanged>(Assert.Single(cancelled.Events)).Until);
    }

    [Fact]
    public void Finalizing_a_sheet_records_the_level_and_raises_EvaluationFinalized()
    {
        var sheet = EvaluationSheet.Empty("mt-tu-phap", 2026) with { DossiersHandled = 10, DossiersOnTime = 9 };

        var finalized = sheet.Finalize(Commune, EvaluationLevel.Good, 82, " Hoàn thành tốt ", "chutich.mythanh", Now);

        Assert.Equal((EvaluationLevel.Good, 82, "Hoàn thành tốt", "chutich.mythanh", Now, 10),
            (finalized.State.FinalLevel, finalized.State.FinalPoints, finalized.State.FinalNote, finalized.State.FinalizedBy, finalized.State.FinalizedAt, finalized.State.DossiersHandled));
        var e = Assert.IsType<EvaluationFinalized>(Assert.Single(finalized.Events));
        Assert.Equal((Commune, "mt-tu-phap", 2026, EvaluationLevel.Good, (int?)82, Now), (e.Commune, e.StaffId, e.Year, e.Level, e.Points, e.FinalizedAt));
    }

    [Fact]
    public void Publishing_the_hotline_raises_HotlineChanged_with_the_contacts()
    {
        HotlineContact[] contacts = [new() { Name = "Phạm Thanh Diễn", Title = "Chủ tịch UBND xã", Phone = "0275 3861 001" }];

        var published = Hotline.Publish(Commune, contacts, Now);

        Assert.Equal((Commune, Now), (published.State.Commune, published.State.ChangedAt));
        Assert.Equal(contacts, published.State.Contacts);
        var e = Assert.IsType<HotlineChanged>(Assert.Single(published.Events));
        Assert.Equal((Commune, Now), (e.Commune, e.ChangedAt));
        Assert.Equal(contacts, e.Contacts);
    }

    [Fact]
    public void Revoking_sessions_draws_a_new_stamp_and_raises_AccountSessionsRevoked_for_the_old_one()
    {
        var until = Now.AddHours(8);

        var revoked = AccountWith("old-stamp").RevokeSessions(SessionRevocationReason.PasswordReset, Now, until);

        Assert.NotNull(revoked.State.SecurityStamp);
        Assert.NotEqual("old-stamp", revoked.State.SecurityStamp);
        var e = Assert.IsType<AccountSessionsRevoked>(Assert.Single(revoked.Events));
        Assert.Equal(("motcua.mythanh", Commune, "old-stamp", SessionRevocationReason.PasswordReset, Now, until),
            (e.Username, e.Commune, e.Stamp, e.Reason, e.RevokedAt, e.Until));
        Assert.Equal(new RevokedStamp("old-stamp", "motcua.mythanh", SessionRevocationReason.PasswordReset, Now, until), RevokedStamp.Of(e));
    }

    [Fact]
    public void An_account_without_a_stamp_gets_one_and_revokes_nothing()
    {
        var revoked = AccountWith(null).RevokeSessions(SessionRevocationReason.Disabled, Now, Now.AddHours(8));

        Assert.NotNull(revoked.State.SecurityStamp);
        Assert.Empty(revoked.Events);
    }
}
