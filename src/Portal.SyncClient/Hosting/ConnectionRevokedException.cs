namespace PortalSync.Hosting;

/// <summary>The portal no longer accepts this program's tokens: only a new approval helps.</summary>
internal sealed class ConnectionRevokedException(string portal)
    : FatalException($"The connection was revoked or expired: run portal-sync login {portal}", ExitCodes.Revoked);
