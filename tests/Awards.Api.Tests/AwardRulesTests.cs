using Awards.Api.Domain;
using Platform.Contracts.Awards;
using Platform.Contracts.Feedback;
using Platform.Contracts.Personnel;
using Platform.Contracts.Procedures;
using Platform.ServiceDefaults.Problems;

namespace Awards.Api.Tests;

/// <summary>Awards' rules as pure functions, without a store or a bus: milestones, achievement ids and titles, thematic candidates, indicators, radio news, decisions.</summary>
public sealed class AwardRulesTests
{
    private static readonly DateTime June = new(2021, 6, 1, 3, 0, 0, DateTimeKind.Utc);

    private static StaffYear Tally(int handled, int onTime, int ratings = 0, int satisfied = 0) =>
        new() { StaffId = "cb-1", Year = 2021, DossiersHandled = handled, DossiersOnTime = onTime, Ratings = ratings, SatisfiedRatings = satisfied };

    private static SatisfactionRated Rated(SatisfactionLevel level) =>
        new() { Commune = "my-thanh", DossierId = "hs-9", HandlerId = "cb-1", Level = level, RatedAt = June };

    private static FeedbackAnswered Answered(bool inTime) =>
        new() { Commune = "my-thanh", FeedbackId = "pa-9", Category = FeedbackCategory.ProcedureRules, InTime = inTime, AnsweredAt = June };

    private static CommuneIndicators Commune(YearFigures year) =>
        new() { Commune = "my-thanh", Name = "Xã Mỹ Thạnh", District = "giong-trom", Years = [year] };

    [Fact]
    public void The_year_is_Vietnams_so_new_years_eve_at_five_pm_utc_is_already_next_year()
    {
        Assert.Equal(2020, CampaignYear.Of(new DateTime(2020, 12, 31, 16, 59, 0, DateTimeKind.Utc)));
        Assert.Equal(2021, CampaignYear.Of(new DateTime(2020, 12, 31, 17, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Ten_dossiers_on_time_out_of_ten_is_a_milestone_with_an_id_from_handler_year_and_count()
    {
        var achievement = Achievements.OnTimeMilestone(EventFedTests.Resolved("cb-1", Timeliness.OnTime, June, "hs-9"), Tally(10, 10), "Lê Văn Bình");

        Assert.NotNull(achievement);
        Assert.Equal(("dossiers-on-time:cb-1:2021:10", AchievementKinds.DossiersOnTime, 2021, "cb-1", "Lê Văn Bình", false),
            (achievement.Id, achievement.Kind, achievement.Year, achievement.StaffId, achievement.Name, achievement.Collective));
        Assert.Equal("Giải quyết 10 hồ sơ đúng hạn trong năm 2021 (tỷ lệ 100%)", achievement.Title);
        Assert.Equal(new AchievementSource("event", "DossierResolved", "hs-9", null, null), achievement.Source);
        Assert.Equal(June, achievement.RecordedAt);
    }

    [Theory]
    [InlineData(9, 9, Timeliness.OnTime)] // not a milestone count
    [InlineData(12, 10, Timeliness.OnTime)] // 10 of 12 is under 90 %
    [InlineData(10, 10, Timeliness.Late)] // the dossier that was counted was late: the milestone was reached before
    public void Other_tallies_reach_no_on_time_milestone(int handled, int onTime, Timeliness timeliness) =>
        Assert.Null(Achievements.OnTimeMilestone(EventFedTests.Resolved("cb-1", timeliness, June, "hs-9"), Tally(handled, onTime), "Lê Văn Bình"));

    [Fact]
    public void Fifty_on_time_out_of_fifty_five_is_the_next_milestone()
    {
        var achievement = Achievements.OnTimeMilestone(EventFedTests.Resolved("cb-1", Timeliness.Early, June, "hs-55"), Tally(55, 50), "Lê Văn Bình");

        Assert.Equal("dossiers-on-time:cb-1:2021:50", achievement?.Id);
        Assert.Equal("Giải quyết 50 hồ sơ đúng hạn trong năm 2021 (tỷ lệ 91%)", achievement?.Title);
    }

    [Fact]
    public void Ten_ratings_nine_satisfied_is_a_satisfaction_milestone_eight_is_not()
    {
        var achievement = Achievements.SatisfactionMilestone(Rated(SatisfactionLevel.Satisfied), Tally(0, 0, ratings: 10, satisfied: 9), "Lê Văn Bình");

        Assert.Equal(("high-satisfaction:cb-1:2021:10", AchievementKinds.HighSatisfaction, "10 lượt đánh giá, 90% người dân hài lòng trong năm 2021"),
            (achievement?.Id, achievement?.Kind, achievement?.Title));
        Assert.Equal(("SatisfactionRated", "hs-9"), (achievement?.Source.Event, achievement?.Source.Reference));
        Assert.Null(Achievements.SatisfactionMilestone(Rated(SatisfactionLevel.Satisfied), Tally(0, 0, ratings: 10, satisfied: 8), "Lê Văn Bình"));
        Assert.Null(Achievements.SatisfactionMilestone(Rated(SatisfactionLevel.Satisfied) with { HandlerId = null }, Tally(0, 0, ratings: 10, satisfied: 10), "?"));
    }

    [Fact]
    public void Feedback_answered_in_time_at_a_milestone_is_the_communes_collective_achievement()
    {
        var counted = Commune(new YearFigures { Year = 2021, FeedbackAnswered = 10, FeedbackAnsweredInTime = 10 });

        var achievement = Achievements.FeedbackMilestone(Answered(inTime: true), counted);

        Assert.NotNull(achievement);
        Assert.Equal(("feedback-answered:2021:10", true, null, "Ủy ban nhân dân xã Mỹ Thạnh"), (achievement.Id, achievement.Collective, achievement.StaffId, achievement.Name));
        Assert.Equal("Trả lời đúng hạn 10 phản ánh, kiến nghị trong năm 2021 (tỷ lệ 100%)", achievement.Title);
        Assert.Null(Achievements.FeedbackMilestone(Answered(inTime: false), counted));
        Assert.Null(Achievements.FeedbackMilestone(Answered(inTime: true), Commune(new YearFigures { Year = 2021, FeedbackAnswered = 11, FeedbackAnsweredInTime = 9 })));
    }

    [Fact]
    public void A_course_is_an_achievement_whose_id_names_person_day_and_a_hash_of_the_course()
    {
        var completed = new TrainingCompleted { Commune = "my-thanh", StaffId = "cb-1", Course = "Bồi dưỡng kỹ năng một cửa", CompletedOn = new DateOnly(2021, 5, 14), Hours = 7.5 };

        var achievement = Achievements.Training(completed, "Lê Văn Bình", June);

        Assert.Equal(("training:cb-1:20210514:a3b2967353", 2021, AchievementKinds.Training), (achievement.Id, achievement.Year, achievement.Kind));
        Assert.Equal("Hoàn thành khóa Bồi dưỡng kỹ năng một cửa (7.5 giờ, 14/05/2021)", achievement.Title);
        Assert.Equal(("TrainingCompleted", "Bồi dưỡng kỹ năng một cửa"), (achievement.Source.Event, achievement.Source.Reference));
        Assert.Equal(achievement.Id, Achievements.Training(completed with { Hours = 24 }, "Lê Văn Bình", June.AddDays(1)).Id);
        Assert.NotEqual(achievement.Id, Achievements.Training(completed with { Course = "Kỹ năng giao tiếp" }, "Lê Văn Bình", June).Id);
    }

    [Fact]
    public void An_approved_simplification_is_an_initiative_and_a_thematic_candidate_of_its_author()
    {
        var approved = NominationRulesTests.Approved("cb-1", new DateTime(2020, 12, 31, 18, 0, 0, DateTimeKind.Utc), proposalId: "sk-1");

        var initiative = Achievements.Initiative(approved, "cb-1", "Lê Văn Bình");
        var candidate = Nomination.ThematicCandidate(approved, "cb-1", "Lê Văn Bình", "cchc-2015-2020");

        Assert.Equal(("initiative:sk-1:cb-1", 2021, AchievementKinds.Initiative), (initiative.Id, initiative.Year, initiative.Kind));
        Assert.Equal("Sáng kiến đơn giản hóa thủ tục Đăng ký khai sinh (rút ngắn thời gian từ 3 xuống 1 ngày làm việc, bỏ 1 thành phần hồ sơ) " +
                     "(quyết định 1234/QĐ-UBND của UBND tỉnh Bến Tre)", initiative.Title);
        Assert.Equal(("cd-sk-1-cb-1", "cchc-2015-2020", 2021, AwardLevel.Commune, NomineeKind.Individual, new Nominee("cb-1", "Lê Văn Bình")),
            (candidate.Id, candidate.CampaignId, candidate.Year, candidate.Level, candidate.Kind, candidate.Nominee));
        Assert.Equal((AwardTitles.Certificate, "Giấy khen chuyên đề của Chủ tịch UBND xã", true, "sk-1", NominationStatus.Proposed, "thematic"),
            (candidate.Title, candidate.TitleName, candidate.Thematic, candidate.Source, candidate.Status, candidate.CreatedBy));
        Assert.Equal("Có sáng kiến đơn giản hóa thủ tục Đăng ký khai sinh (rút ngắn thời gian từ 3 xuống 1 ngày làm việc, bỏ 1 thành phần hồ sơ), " +
                     "được UBND tỉnh Bến Tre chấp thuận tại quyết định 1234/QĐ-UBND.", candidate.Reason);
        Assert.False(candidate.HoldsQuota);
        Assert.Equal("đơn giản hóa thủ tục Đăng ký khai sinh",
            Achievements.Simplification(approved with { RemovedComponents = [], NewProcessingDays = null }));
    }

    [Fact]
    public void Each_event_counts_once_in_the_commune_and_the_persons_year()
    {
        var empty = new CommuneIndicators { Commune = "my-thanh", Name = "Xã Mỹ Thạnh", District = "giong-trom" };
        var training = new TrainingCompleted { Commune = "my-thanh", StaffId = "cb-1", Course = "A", CompletedOn = new DateOnly(2021, 5, 14), Hours = 8 };

        var counted = empty.On(EventFedTests.Resolved("cb-1", Timeliness.OnTime, June, "hs-1")).On(EventFedTests.Resolved("cb-1", Timeliness.Late, June, "hs-2"))
            .On(Rated(SatisfactionLevel.VerySatisfied)).On(Rated(SatisfactionLevel.NotSatisfied))
            .On(Answered(inTime: true)).On(Answered(inTime: false))
            .On(training).On(training with { Course = "B" })
            .On(NominationRulesTests.Approved("cb-1", June)).WithNewStaffMember();
        var year = counted.For(2021);

        Assert.Equal((2, 1, 2, 1, 2, 1, 1, 1), (year.DossiersResolved, year.DossiersOnTime, year.Ratings, year.SatisfiedRatings, year.FeedbackAnswered,
            year.FeedbackAnsweredInTime, year.TrainedStaff.Count, year.Initiatives));
        Assert.Equal(1, counted.Staff);
        Assert.Single(counted.Years);

        var person = new StaffYear { StaffId = "cb-1", Year = 2021 }.On(EventFedTests.Resolved("cb-1", Timeliness.Early, June, "hs-1"))
            .On(Rated(SatisfactionLevel.NotSatisfied)).On(training).On(training);
        Assert.Equal((1, 1, 1, 0, 2, 16.0), (person.DossiersHandled, person.DossiersOnTime, person.Ratings, person.SatisfiedRatings, person.Trainings, person.TrainingHours));
    }

    [Fact]
    public void A_procedures_newer_revision_moves_the_catalogue_and_its_posted_share_an_older_one_changes_nothing()
    {
        var catalogue = new CommuneIndicators { Commune = "my-thanh", Name = "Xã Mỹ Thạnh", District = "giong-trom", Procedures = 4, PostedProcedures = 3 };
        var posted = new ProcedurePosting("ho-tich-ket-hon", 2, true);

        Assert.Equal((5, 4), (catalogue.Reposted(null, posted).Procedures, catalogue.Reposted(null, posted).PostedProcedures));
        Assert.Equal((4, 2), (catalogue.Reposted(posted, posted with { Revision = 3, Posted = false }).Procedures,
            catalogue.Reposted(posted, posted with { Revision = 3, Posted = false }).PostedProcedures));
        Assert.True(posted.Supersedes(null));
        Assert.True((posted with { Revision = 3 }).Supersedes(posted));
        Assert.False(posted.Supersedes(posted));
        Assert.False((posted with { Revision = 1 }).Supersedes(posted));
    }

    [Fact]
    public void A_granted_award_is_news_told_by_whoever_granted_it()
    {
        var granted = new AwardGranted
        {
            Commune = "my-thanh", AwardId = "aw-n1", NominationId = "n1", Year = 2021, Level = AwardLevel.Commune, Kind = NomineeKind.Individual,
            StaffId = "cb-1", NomineeName = "Lê Văn Bình", Title = "Lao động tiên tiến", DecisionNo = "15/QĐ-UBND", Thematic = false, GrantedAt = June,
        };

        var news = RadioTexts.Award(granted, "xã Mỹ Thạnh");

        Assert.Equal(("award", "Khen thưởng: Lê Văn Bình – Lao động tiên tiến", "aw-n1"), (news.Kind, news.Title, news.Reference));
        Assert.Equal("Ủy ban nhân dân xã Mỹ Thạnh đã ban hành quyết định số 15/QĐ-UBND tặng Lao động tiên tiến cho ông (bà) Lê Văn Bình vì có thành tích " +
                     "trong phong trào thi đua đẩy mạnh cải cách hành chính. Đài truyền thanh xã xin chúc mừng và mong bà con cùng học tập, noi gương.", news.Text);
        var district = RadioTexts.Award(granted with { Level = AwardLevel.District, Kind = NomineeKind.Collective, NomineeName = "Bộ phận một cửa", Thematic = true }, "xã Mỹ Thạnh");
        Assert.StartsWith("Ủy ban nhân dân huyện đã ban hành quyết định số 15/QĐ-UBND tặng Lao động tiên tiến cho tập thể Bộ phận một cửa vì có sáng kiến", district.Text);
    }

    [Fact]
    public void A_procedure_is_news_only_when_it_gets_faster_or_simpler()
    {
        Assert.Null(RadioTexts.Procedure(EventFedTests.Changed("my-thanh", "ho-tich-ket-hon", 3, true, days: 4, previousDays: 3), "xã Mỹ Thạnh"));
        Assert.Null(RadioTexts.Procedure(EventFedTests.Changed("my-thanh", "ho-tich-ket-hon", 1, true), "xã Mỹ Thạnh"));

        var news = RadioTexts.Procedure(EventFedTests.Changed("my-thanh", "ho-tich-ket-hon", 2, true, days: 3, previousDays: 5, components: 2, previousComponents: 4), "xã Mỹ Thạnh");

        Assert.NotNull(news);
        Assert.Equal(("procedure", "Thủ tục Đăng ký kết hôn được đơn giản hóa", "ho-tich-ket-hon#2"), (news.Kind, news.Title, news.Reference));
        Assert.Equal("Kể từ ngày 1 tháng 1 năm 2022, thủ tục Đăng ký kết hôn tại Bộ phận tiếp nhận và trả kết quả xã Mỹ Thạnh có thời gian giải quyết rút ngắn " +
                     "từ 5 xuống còn 3 ngày làm việc và thành phần hồ sơ giảm từ 4 xuống còn 2 loại giấy tờ. " +
                     "Bà con có nhu cầu vui lòng liên hệ Bộ phận một cửa của Ủy ban nhân dân xã.", news.Text);
    }

    [Fact]
    public void The_hotline_is_news_when_it_lists_someone()
    {
        var changed = new HotlineChanged
        {
            Commune = "my-thanh", ChangedAt = June,
            Contacts =
            [
                new HotlineContact { Name = "Phạm Thanh Diễn", Title = "Chủ tịch UBND xã", Phone = " 0275 3861 001 " },
                new HotlineContact { Name = "Nguyễn Văn Hùng", Title = "Phó Chủ tịch UBND xã", Phone = "0275 3861 002" },
            ],
        };

        var news = RadioTexts.Hotline(changed, "xã Mỹ Thạnh");

        Assert.Equal(("hotline", "Số điện thoại đường dây nóng của lãnh đạo xã", null), (news?.Kind, news?.Title, news?.Reference));
        Assert.EndsWith("thái độ phục vụ: Chủ tịch UBND xã Phạm Thanh Diễn, số 0275 3861 001; Phó Chủ tịch UBND xã Nguyễn Văn Hùng, số 0275 3861 002.", news?.Text);
        Assert.Null(RadioTexts.Hotline(changed with { Contacts = [] }, "xã Mỹ Thạnh"));
    }

    [Fact]
    public void A_movement_and_its_years_plan_are_news_referring_to_the_campaign_and_the_plan()
    {
        var campaign = Movement.Campaign(June);
        var launched = RadioTexts.MovementLaunched("xã Mỹ Thạnh", campaign);
        var plan = RadioTexts.YearPlan("xã Mỹ Thạnh", Movement.Plan(campaign.Id, 2016, null, June));

        Assert.Equal(("movement", "Phát động phong trào thi đua cải cách hành chính", Movement.Id), (launched.Kind, launched.Title, launched.Reference));
        Assert.StartsWith("Ủy ban nhân dân xã Mỹ Thạnh phát động phong trào thi đua đẩy mạnh cải cách hành chính năm 2015 và những năm tiếp theo, từ năm 2015 đến năm 2020.",
            launched.Text);
        Assert.Equal(("movement", "Kế hoạch thi đua năm 2016", "cchc-2015-2020:2016"), (plan.Kind, plan.Title, plan.Reference));
        Assert.EndsWith("Hồ sơ đề nghị khen thưởng gửi về xã chậm nhất ngày 25 tháng 11 năm 2016.", plan.Text);
    }

    [Theory]
    [InlineData("Xã Mỹ Thạnh", "xã Mỹ Thạnh")]
    [InlineData("Thị trấn Giồng Trôm", "Thị trấn Giồng Trôm")]
    [InlineData(null, "xã")]
    public void The_commune_is_read_aloud_in_lower_case_xa(string? name, string spoken) => Assert.Equal(spoken, RadioTexts.SpokenName(name));

    private static Nomination Approved(AwardLevel level, bool thematic = false) => new()
    {
        Id = "n1", CampaignId = Movement.Id, Year = 2021, Level = level, Kind = NomineeKind.Individual, Nominee = new Nominee("cb-1", "Lê Văn Bình"),
        Title = AwardTitles.AdvancedWorker, TitleName = "Lao động tiên tiến", Reason = "Hoàn thành xuất sắc nhiệm vụ", Thematic = thematic,
        Status = NominationStatus.Approved, CreatedAt = June,
    };

    [Fact]
    public void Granting_raises_one_AwardGranted_for_the_award_it_makes()
    {
        var decided = Approved(AwardLevel.Commune).DecideInCommune("my-thanh", true, "15/QĐ-UBND", null, " Tiêu biểu ", "lanhdao", June);

        Assert.Equal((NominationStatus.Granted, new Decision(true, "15/QĐ-UBND", "Lao động tiên tiến", "Tiêu biểu", "lanhdao", June)),
            (decided.State.Status, decided.State.Decision));
        var award = decided.State.GrantedAward();
        Assert.NotNull(award);
        Assert.Equal(("aw-n1", "n1", AwardLevel.Commune, "Lao động tiên tiến", "15/QĐ-UBND", "lanhdao", June),
            (award.Id, award.NominationId, award.Level, award.Title, award.DecisionNo, award.DecidedBy, award.GrantedAt));
        var granted = Assert.IsType<AwardGranted>(Assert.Single(decided.Events));
        Assert.Equal(new AwardGranted
        {
            Commune = "my-thanh", AwardId = "aw-n1", NominationId = "n1", Year = 2021, Level = AwardLevel.Commune, Kind = NomineeKind.Individual, StaffId = "cb-1",
            NomineeName = "Lê Văn Bình", Title = "Lao động tiên tiến", DecisionNo = "15/QĐ-UBND", Thematic = false, GrantedAt = June,
        }, granted);
    }

    [Fact]
    public void Refusing_raises_nothing_and_grants_no_award()
    {
        var decided = (Approved(AwardLevel.District) with { Status = NominationStatus.Forwarded }).Decide("my-thanh", false, "9/QĐ-UBND", "Giấy khen", null, "huyen", June);

        Assert.Equal((NominationStatus.Refused, "Giấy khen"), (decided.State.Status, decided.State.Decision?.Title));
        Assert.Empty(decided.Events);
        Assert.Null(decided.State.GrantedAward());
    }

    [Fact]
    public void The_commune_chairman_decides_only_council_approved_commune_level_nominations_once()
    {
        Assert.Equal("district-level",
            Assert.Throws<BusinessRuleException>(() => Approved(AwardLevel.District).DecideInCommune("my-thanh", true, "1", null, null, null, June)).Type);
        Assert.Equal("council-not-approved", Assert.Throws<BusinessRuleException>(() =>
            (Approved(AwardLevel.Commune) with { Status = NominationStatus.Proposed }).DecideInCommune("my-thanh", true, "1", null, null, null, June)).Type);
        var decided = Approved(AwardLevel.Commune).DecideInCommune("my-thanh", false, "1", null, null, null, June).State;
        Assert.Equal("already-decided", Assert.Throws<ConflictException>(() => decided.DecideInCommune("my-thanh", true, "2", null, null, null, June)).Type);
        Assert.Equal("cannot-withdraw", Assert.Throws<ConflictException>(() => decided.Withdraw()).Type);
        Assert.Equal(NominationStatus.Withdrawn, Approved(AwardLevel.Commune).Withdraw().Status);
    }
}
