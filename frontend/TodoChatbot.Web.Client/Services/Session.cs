using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using TodoChatbot.Contracts;

namespace TodoChatbot.Web.Client.Services;

/// <summary>
/// Who is signed in, as the BFF says (<c>/bff/user</c>), exposed to Blazor's authorization
/// components. The browser never holds a token: only this user record.
/// </summary>
public sealed class Session(IAuthApi auth) : AuthenticationStateProvider
{
    private Task<AuthenticationState>? _state;

    public UserDto? User { get; private set; }

    /// <summary>The last problem reaching the service (null when it answered), for the status banner.</summary>
    public ApiProblem? Unavailable { get; private set; }

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => _state ??= LoadAsync();

    /// <summary>Asks the BFF again, e.g. after the service was unreachable.</summary>
    public void Refresh()
    {
        _state = LoadAsync();
        NotifyAuthenticationStateChanged(_state);
    }

    public void SignedIn(UserDto user)
    {
        Unavailable = null;
        _state = Task.FromResult(StateFor(user));
        NotifyAuthenticationStateChanged(_state);
    }

    public async Task SignOutAsync()
    {
        await auth.LogoutAsync();
        _state = Task.FromResult(StateFor(null));
        NotifyAuthenticationStateChanged(_state);
    }

    private async Task<AuthenticationState> LoadAsync()
    {
        var result = await auth.GetUserAsync();
        Unavailable = result.Problem is { IsUnavailable: true } problem ? problem : null;
        return StateFor(result.Value);
    }

    private AuthenticationState StateFor(UserDto? user)
    {
        User = user;
        if (user is null)
            return new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()));
        var identity = new ClaimsIdentity(
            [new Claim("sub", user.Id), new Claim(ClaimTypes.Email, user.Email), new Claim(ClaimTypes.Name, user.Name ?? user.Email)],
            authenticationType: "bff");
        return new AuthenticationState(new ClaimsPrincipal(identity));
    }
}
