using System.Text.Json;
using Platform.Contracts.Awards;
using Platform.Contracts.Feedback;
using Platform.Contracts.Personnel;
using Platform.Contracts.Procedures;

namespace Platform.ServiceDefaults.Tests;

/// <summary>The contracts' enums keep the words the events and the stores carried as text before they were typed.</summary>
public sealed class VocabularyTests
{
    public static TheoryData<Enum, string> Words() => new()
    {
        { Timeliness.Early, "early" }, { Timeliness.OnTime, "on-time" }, { Timeliness.Late, "late" },
        { DossierOutcome.Approved, "approved" }, { DossierOutcome.Refused, "refused" },
        { SatisfactionLevel.NotSatisfied, "not-satisfied" }, { SatisfactionLevel.Satisfied, "satisfied" }, { SatisfactionLevel.VerySatisfied, "very-satisfied" },
        { FeedbackCategory.ProcedureRules, "procedure-rules" }, { FeedbackCategory.StaffConduct, "staff-conduct" }, { FeedbackCategory.Other, "other" },
        { AwardLevel.Commune, "commune" }, { AwardLevel.District, "district" },
        { NomineeKind.Collective, "collective" }, { NomineeKind.Individual, "individual" },
        { SessionRevocationReason.Disabled, "disabled" }, { SessionRevocationReason.PasswordReset, "password-reset" }, { SessionRevocationReason.StaffLeft, "staff-left" },
        { StaffKind.Cadre, "cadre" }, { StaffKind.CivilServant, "civil-servant" }, { StaffKind.NonSpecialized, "non-specialized" },
        { EvaluationLevel.Excellent, "excellent" }, { EvaluationLevel.Good, "good" }, { EvaluationLevel.Completed, "completed" }, { EvaluationLevel.NotCompleted, "not-completed" },
        { DistrictKind.District, "district" }, { DistrictKind.Province, "province" },
    };

    [Theory]
    [MemberData(nameof(Words))]
    public void Each_member_is_written_and_read_as_its_word(Enum member, string word)
    {
        Assert.Equal($"\"{word}\"", JsonSerializer.Serialize(member, member.GetType(), PlatformJson.Options));
        Assert.Equal(member, JsonSerializer.Deserialize($"\"{word}\"", member.GetType(), PlatformJson.Options));
    }

    [Fact]
    public void Every_member_of_every_vocabulary_has_its_word_listed()
    {
        var listed = Words().Select(row => row.Data.Item1).ToHashSet();
        var vocabularies = typeof(Timeliness).Assembly.GetTypes().Where(t => t.IsEnum);
        Assert.All(vocabularies.SelectMany(t => Enum.GetValues(t).Cast<Enum>()), member => Assert.Contains(member, listed));
    }

    [Fact]
    public void A_word_parses_to_its_member_and_nothing_else_does()
    {
        Assert.Equal(Timeliness.OnTime, Vocabulary.Parse<Timeliness>("on-time"));
        Assert.Equal(["early", "on-time", "late"], Vocabulary.Words<Timeliness>());
        Assert.All(["OnTime", "on_time", "On-Time", "1", "", null], word => Assert.Null(Vocabulary.Parse<Timeliness>(word)));
    }
}
