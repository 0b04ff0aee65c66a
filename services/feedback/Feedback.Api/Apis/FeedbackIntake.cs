using Platform.Calendar;
using Platform.Contracts.Feedback;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Storage;
using Platform.ServiceDefaults.Tenancy;
using Feedback.Api.Domain;
using Feedback.Api.Infrastructure;
using Feedback.Api.Localization;

namespace Feedback.Api.Apis;

/// <summary>What any channel submits: the web form, a staff transcription, an Open311 client.</summary>
public sealed record FeedbackInput(
    string? Channel, FeedbackCategory? Category, string? Content, string? ProcedureCode, string? StaffId, string? Hamlet, string? Contact,
    DateTime? ReceivedAt = null);

/// <summary>Checks what a channel submits and records the new item with the <see cref="FeedbackReceived"/> it raises, in one commit.</summary>
public sealed class FeedbackIntake(IDocumentStore<FeedbackData> store, ICommuneDirectory communes, FeedbackDeadlines deadlines, TimeProvider time)
{
    public const int MaxContentLength = InputLimits.LongText;

    public async Task<FeedbackItem> ReceiveAsync(string commune, FeedbackInput input, bool fromPublic, string? recordedBy, Location? location, CancellationToken ct)
    {
        var record = await communes.GetAsync(commune, CommonMessages.Commune, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var content = CitizenText.Clean(input.Content);
        var contact = CitizenText.Clean(input.Contact);
        var channelCode = input.Channel ?? (fromPublic ? FeedbackChannel.Online : null);

        var validation = new InputValidation()
            .RequireText(content, "content", MaxContentLength)
            .RequireWord(input.Category, "category")
            .Require(contact is null || contact.Length <= 200, "contact", CommonMessages.MaxLength, 200)
            .Require(input.Hamlet is null || record.Hamlets.Any(h => h.Code == input.Hamlet), "hamlet", CommonMessages.NotAHamlet, input.Hamlet);
        var channel = channelCode is not null && InputValidation.IsSlug(channelCode)
            ? (await store.FindAsync<FeedbackChannel>(commune, channelCode, ct))?.Document : null;
        if (channel is null) validation.Add("channel", channelCode is null ? Wording.Of(CommonMessages.Required) : Wording.Of(FeedbackMessages.NotAChannel, channelCode));
        else if (fromPublic && !channel.OpenToPublic) validation.Add("channel", Wording.Of(FeedbackMessages.StaffChannel, channel.Code, FeedbackChannel.Online));
        if (input.ProcedureCode is not null && !await Exists<ProcedureRef>(commune, input.ProcedureCode, ct))
            validation.Add("procedureCode", Wording.Of(FeedbackMessages.NotAProcedure));
        if (input.StaffId is not null && !await Exists<StaffRef>(commune, input.StaffId, ct))
            validation.Add("staffId", Wording.Of(FeedbackMessages.NotStaff));
        if (input.ReceivedAt is { } at)
        {
            validation.Require(!fromPublic, "receivedAt", FeedbackMessages.SetByCommune);
            validation.Require(at <= now.AddMinutes(5) && at >= now.AddYears(-1), "receivedAt", FeedbackMessages.WithinLastYear);
        }
        validation.ThrowIfInvalid();

        var received = FeedbackItem.Receive(commune,
            new NewFeedback(channel!, input.Category!.Value, content!, input.ProcedureCode, input.StaffId, input.Hamlet, contact, location, recordedBy),
            input.ReceivedAt?.ToUniversalTime() ?? now, deadlines);
        await store.CommitAsync(new ChangeSet().Insert(commune, received.State.Id, received), ct);
        return received.State;
    }

    private async Task<bool> Exists<T>(string commune, string id, CancellationToken ct) =>
        InputValidation.IsSlug(id) && await store.FindAsync<T>(commune, id, ct) is not null;

    public DateOnly Today => VietnamTime.Today(time.GetUtcNow().UtcDateTime);
}
