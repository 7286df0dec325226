using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Portal.Core.Errors;

namespace Portal.Tests.Core.Errors;

public sealed class PortalErrorMappingTests
{
    [Fact]
    public void An_error_becomes_problem_details_with_its_stable_type_status_code_and_field()
    {
        var error = new PortalError("upload-too-large", ErrorKind.TooLarge, "\"a.pdf\" is 2 MB; the portal accepts files up to 1 MB.", "Upload-Length");

        var problem = error.ToProblemDetails();

        Assert.Equal("https://portal.example/problems/upload-too-large", problem.Type);
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, problem.Status);
        Assert.Equal("Too large", problem.Title);
        Assert.Equal(error.Message, problem.Detail);
        Assert.Equal("upload-too-large", problem.Extensions["code"]);
        Assert.Equal("Upload-Length", problem.Extensions["field"]);
    }

    [Fact]
    public void An_error_about_no_field_has_no_field_extension()
    {
        var problem = new PortalError("upload-expired", ErrorKind.Gone, "Expired.").ToProblemDetails();

        Assert.Equal(StatusCodes.Status410Gone, problem.Status);
        Assert.False(problem.Extensions.ContainsKey("field"));
    }

    [Fact]
    public void The_typed_result_carries_the_problem_and_its_status()
    {
        ProblemHttpResult result = new PortalError("upload-checksum-mismatch", ErrorKind.ChecksumMismatch, "Damaged.").ToProblem();

        Assert.Equal(460, result.StatusCode);
        Assert.Equal("application/problem+json", result.ContentType);
        Assert.Equal("https://portal.example/problems/upload-checksum-mismatch", result.ProblemDetails.Type);
    }

    [Fact]
    public void Every_kind_has_its_own_status_and_a_title()
    {
        var kinds = Enum.GetValues<ErrorKind>();

        Assert.Equal(kinds.Length, kinds.Select(PortalErrorProblems.StatusOf).Distinct().Count());
        Assert.All(kinds, kind => Assert.False(string.IsNullOrWhiteSpace(PortalErrorProblems.TitleOf(kind))));
        Assert.All(kinds, kind => Assert.InRange(PortalErrorProblems.StatusOf(kind), 400, 599));
    }

    [Theory]
    [InlineData(404, "not-found")]
    [InlineData(400, "bad-request")]
    [InlineData(500, "server-error")]
    [InlineData(502, "server-error")]
    [InlineData(503, "unavailable")]
    [InlineData(418, "error")]
    public void A_status_alone_has_a_stable_type(int status, string code)
    {
        var problem = PortalErrorProblems.ForStatus(status);

        Assert.Equal(ProblemTypes.BaseUri + code, problem.Type);
        Assert.Equal(code, problem.Extensions["code"]);
        Assert.Equal(code, ProblemTypes.CodeOf(problem.Type));
    }

    [Theory]
    [InlineData("Upload Too Large")]
    [InlineData("upload_too_large")]
    [InlineData("-upload")]
    [InlineData("")]
    public void A_code_that_is_not_a_uri_segment_is_refused(string code)
        => Assert.Throws<ArgumentException>(() => new PortalError(code, ErrorKind.Invalid, "x"));

    [Fact]
    public void A_type_of_someone_else_is_not_read_as_ours()
    {
        Assert.Null(ProblemTypes.CodeOf("https://tools.ietf.org/html/rfc9110#section-15.5.5"));
        Assert.Null(ProblemTypes.CodeOf(null));
        Assert.Null(ProblemTypes.CodeOf(ProblemTypes.BaseUri + "Not A Code"));
    }

    [Fact]
    public void An_error_about_a_field_goes_to_that_input_of_the_page()
    {
        var modelState = new ModelStateDictionary();

        modelState.AddPortalError(new PortalError("folder-name-taken", ErrorKind.Conflict, "There is already a folder called \"Tax\" here.", "Name"));

        var entry = Assert.Single(modelState);
        Assert.Equal("Input.Name", entry.Key);
        Assert.Equal("There is already a folder called \"Tax\" here.", Assert.Single(entry.Value!.Errors).ErrorMessage);
    }

    [Fact]
    public void An_error_about_a_field_goes_to_the_named_prefix_or_none()
    {
        var modelState = new ModelStateDictionary();

        modelState.AddPortalError(new PortalError("x-y", ErrorKind.Invalid, "A.", "Name"), prefix: "NewFolder");
        modelState.AddPortalError(new PortalError("x-z", ErrorKind.Invalid, "B.", "Email"), prefix: "");

        Assert.Equal("A.", Assert.Single(modelState["NewFolder.Name"]!.Errors).ErrorMessage);
        Assert.Equal("B.", Assert.Single(modelState["Email"]!.Errors).ErrorMessage);
    }

    [Fact]
    public void An_error_about_no_field_goes_to_the_top_of_the_form()
    {
        var modelState = new ModelStateDictionary();

        modelState.AddPortalError(new PortalError("upload-expired", ErrorKind.Gone, "This upload expired."));

        Assert.Equal("This upload expired.", Assert.Single(modelState[string.Empty]!.Errors).ErrorMessage);
        Assert.False(modelState.IsValid);
    }
}
