namespace Portal.Core.Errors;

/// <summary>
/// What kind of failure a <see cref="PortalError"/> is. Services say this, never an HTTP status:
/// the status (and a page's behaviour) is decided once, in <see cref="PortalErrorProblems"/>.
/// </summary>
public enum ErrorKind
{
    /// <summary>The request itself is wrong (a missing or malformed value).</summary>
    Invalid,

    /// <summary>The thing does not exist, or the caller may not know that it does.</summary>
    NotFound,

    /// <summary>The caller may see the thing but not do this with it.</summary>
    Forbidden,

    /// <summary>The thing is in a state that does not allow this now (busy, already done, moved on).</summary>
    Conflict,

    /// <summary>The thing existed and has expired.</summary>
    Gone,

    /// <summary>The request does not meet a protocol precondition (a required protocol version).</summary>
    PreconditionFailed,

    /// <summary>Over a size or quota limit.</summary>
    TooLarge,

    /// <summary>A content type the portal does not take.</summary>
    UnsupportedType,

    /// <summary>Data was damaged on the way to the portal (a checksum did not match).</summary>
    ChecksumMismatch,

    /// <summary>Stored data failed its integrity check: the portal's problem, not the caller's.</summary>
    Damaged,
}
