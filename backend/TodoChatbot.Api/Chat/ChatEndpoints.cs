using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TodoChatbot.Api.Auth;
using TodoChatbot.Api.Data;
using TodoChatbot.Contracts;
using TodoChatbot.ServiceDefaults;

namespace TodoChatbot.Api.Chat;

public static class ChatEndpoints
{
    private const int ConversationListLimit = 200;

    public static IEndpointRouteBuilder MapChatApi(this IEndpointRouteBuilder app)
    {
        var user = app.MapGroup($"/api/{{{OwnUserPathFilter.RouteParameter}}}")
            .WithTags("Chat")
            .RequireAuthorization()
            .AddEndpointFilter<OwnUserPathFilter>();

        var send = user.MapPost("/chat", SendAsync)
            .RequireRateLimiting(ChatRateLimiting.Policy)
            .WithSummary("Send a message to the assistant; no conversation_id starts a new conversation.");
        // With the offline assistant the turn's own statements check the account, so the token
        // check skips its lookup: no tool changes anything for an account that is gone (each acts
        // on the user's rows, which go with the account, and add_task inserts only WHERE EXISTS
        // the account), and the turn is stored only while the account exists, else the answer is
        // the same 401 and nothing is stored. A language model is called before any of those
        // statements, so with one the lookup stays: a deleted account must not spend model calls.
        if (app.ServiceProvider.GetRequiredService<LlmSettings>().Provider == LlmProvider.Offline)
            send.ChecksAccountInItsQuery();
        user.MapGet("/conversations", ListConversationsAsync)
            .WithSummary("The caller's conversations, most recently active first.");
        user.MapGet("/conversations/{id:int}/messages", ListMessagesAsync)
            .WithSummary("One conversation's messages, oldest first.");
        return app;
    }

    private static async Task<Results<Ok<ChatTurnResponse>, ValidationProblem, ProblemHttpResult, ChallengeHttpResult>> SendAsync(
        ChatRequest request, HttpContext context, ChatService chat, CancellationToken cancellationToken)
    {
        if (ChatRules.ValidateMessage(request.Message, out var message) is { } error)
            return FieldErrors.For("message", error);
        var outcome = await chat.SendAsync(context.User.GetUserId(), request.ConversationId, message, cancellationToken);
        return outcome switch
        {
            { Turn: { } turn } => TypedResults.Ok(turn),
            { Refusal: ChatTurnRefusal.AccountGone } => AccountTokenValidation.AccountGone(context),
            _ => ConversationNotFound(request.ConversationId!.Value),
        };
    }

    private static async Task<Ok<ConversationDto[]>> ListConversationsAsync(
        ClaimsPrincipal user, TodoDbContext db, CancellationToken cancellationToken)
    {
        var userId = user.GetUserId();
        var conversations = await db.Conversations.AsNoTracking()
            .Where(c => c.UserId == userId)
            .OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id)
            .Take(ConversationListLimit)
            .Select(c => new ConversationDto(c.Id, c.Title, c.CreatedAt, c.UpdatedAt))
            .ToArrayAsync(cancellationToken);
        return TypedResults.Ok(conversations);
    }

    private static async Task<Results<Ok<MessageDto[]>, ProblemHttpResult>> ListMessagesAsync(
        int id, ClaimsPrincipal user, TodoDbContext db, CancellationToken cancellationToken)
    {
        var userId = user.GetUserId();
        if (!await db.Conversations.AnyAsync(c => c.Id == id && c.UserId == userId, cancellationToken))
            return ConversationNotFound(id);
        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == id && m.UserId == userId)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(messages.Select(message => message.ToDto()).ToArray());
    }

    public static MessageDto ToDto(this ConversationMessage message) => new(
        message.Id,
        message.Role,
        message.Content,
        message.ToolCalls is null ? [] : JsonSerializer.Deserialize<ToolCallDto[]>(message.ToolCalls, ContractJson.Options) ?? [],
        message.CreatedAt);

    private static ProblemHttpResult ConversationNotFound(int id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Conversation not found",
            detail: $"There is no conversation {id} of yours.");
}
