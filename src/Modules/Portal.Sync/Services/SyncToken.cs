using System.Security.Claims;

namespace Portal.Sync.Services;

/// <summary>
/// The bearer token an API call came with, kept as a request feature once the call acts as its approver
/// (the request's user is then the approver): what the token itself says (its scopes, the name it was
/// issued to) is read from here.
/// </summary>
internal sealed record SyncToken(ClaimsPrincipal Principal);
