using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using PortalSync.Auth;
using PortalSync.Hosting;
using PortalSync.Storage;

namespace PortalSync.Api;

/// <summary>
/// Calls the portal as the connected program: adds the bearer token, refreshes it when it expires or a
/// call answers 401 (saving the rotated tokens before anything else), and tries again calls that failed
/// on the way (network, 408, 429 with Retry-After, 5xx) with a growing wait. A refused refresh ends
/// everything with <see cref="ConnectionRevokedException"/>. Calls may overlap (uploads go beside
/// batches); they share one refresh.
/// </summary>
internal sealed class PortalApi(HttpClient http, ClientFiles files, StoredConnection connection, TimeProvider clock, RetryPolicy retry) : IDisposable
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile StoredConnection _connection = connection;

    public StoredConnection Connection => _connection;

    public Uri Portal => Connection.Portal;

    public Uri Resolve(string relative) => new(Connection.Portal, relative);

    /// <summary>Sends a request made by <paramref name="build"/> (called again for every attempt).</summary>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken, bool retryOnServerError = true)
    {
        var refreshed = false;
        for (var attempt = 0; ; attempt++)
        {
            var used = Connection;
            if (used.AccessTokenExpiresAt <= clock.GetUtcNow().AddMinutes(1))
            {
                used = await RefreshAsync(used, cancellationToken);
                refreshed = true;
            }

            HttpResponseMessage response;
            using var request = build();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", used.AccessToken);
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (Exception e) when (IsTransient(e, cancellationToken) && attempt + 1 < retry.Attempts)
            {
                await Task.Delay(retry.DelayBefore(attempt, null), clock, cancellationToken);
                continue;
            }
            catch (Exception e) when (IsTransient(e, cancellationToken))
            {
                throw new FatalException($"Could not reach {Portal} ({e.Message}); the next run continues where this one stopped.");
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                response.Dispose();
                if (refreshed)
                {
                    throw new ConnectionRevokedException(Portal.ToString());
                }

                await RefreshAsync(used, cancellationToken);
                refreshed = true;
                continue;
            }

            var transient = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout
                || (retryOnServerError && (int)response.StatusCode >= 500);
            if (transient && attempt + 1 < retry.Attempts)
            {
                var after = response.Headers.RetryAfter?.Delta;
                response.Dispose();
                await Task.Delay(retry.DelayBefore(attempt, after), clock, cancellationToken);
                continue;
            }

            return response;
        }
    }

    public async Task<T> GetJsonAsync<T>(string relative, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, Resolve(relative)), cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    public async Task<T> PostJsonAsync<T>(string relative, object body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, Resolve(relative)) { Content = JsonContent.Create(body, options: JsonFiles.Options) }, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new FatalException(await ProblemText.OfAsync(response, cancellationToken));
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<T>(JsonFiles.Options, cancellationToken)
                ?? throw new FatalException($"The portal answered {response.RequestMessage?.RequestUri?.AbsolutePath} with nothing.");
        }
        catch (System.Text.Json.JsonException)
        {
            throw new FatalException($"The portal's answer to {response.RequestMessage?.RequestUri?.AbsolutePath} could not be read.");
        }
    }

    public void Dispose() => _refreshing.Dispose();

    /// <summary>Rotates the tokens <paramref name="used"/> holds, unless another call already did.</summary>
    /// <returns>The connection to call with now.</returns>
    private async Task<StoredConnection> RefreshAsync(StoredConnection used, CancellationToken cancellationToken)
    {
        // The portal spends a refresh token on its first use: a second call that found the same token
        // expired must take the tokens the first one got, not spend the old refresh token again (refused:
        // the connection would look revoked).
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            if (!ReferenceEquals(_connection, used))
            {
                return _connection;
            }

            TokenResponse answer;
            try
            {
                // Not cancelled half-way (by Ctrl+C or the other side of the run failing): the portal may
                // have spent the old refresh token already, and only this answer holds the new one.
                answer = await new TokenEndpoint(http).PostAsync(used.TokenEndpoint, new()
                {
                    ["grant_type"] = "refresh_token",
                    ["refresh_token"] = used.RefreshToken,
                }, CancellationToken.None);
            }
            catch (HttpRequestException e)
            {
                throw new FatalException($"Could not reach {Portal} ({e.Message}); the next run continues where this one stopped.");
            }

            if (answer.Error is not null || answer.AccessToken is null)
            {
                throw new ConnectionRevokedException(Portal.ToString());
            }

            _connection = TokenEndpoint.Rotate(used, answer, clock.GetUtcNow());
            // The old refresh token is spent now: losing the new one would lose the connection.
            await files.SaveConnectionAsync(_connection, CancellationToken.None);
            return _connection;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private static bool IsTransient(Exception e, CancellationToken cancellationToken)
        => e is HttpRequestException or IOException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested);
}
