namespace ComposeEcs.Ecs.Tests;

public sealed class ImageCopiesTests
{
    private const string Context = "/p/app";

    [Theory]
    [InlineData("FROM node:22\nWORKDIR /app\nCOPY . .\n", "/p/app", "/app")]
    [InlineData("FROM node:22\nCOPY . /app\n", "/p/app/src", "/app/src")]
    [InlineData("FROM node:22\nWORKDIR /srv\nWORKDIR app\nCOPY --chown=node:node [\"src\", \"./src/\"]\n", "/p/app/src", "/srv/app/src")]
    [InlineData("FROM python:3.12\nWORKDIR /code\nCOPY requirements.txt \\\n  app \\\n  /code/app/\n", "/p/app/app", "/code/app")]
    public void A_directory_the_dockerfile_copies_to_the_target_is_in_the_image(string dockerfile, string source, string target)
    {
        Assert.True(ImageCopies.Holds(dockerfile, Context, source, target));
    }

    [Theory]
    [InlineData("ARG SENTRY_IMAGE\nFROM ${SENTRY_IMAGE}\nCOPY . /usr/src/sentry\n", "/p/app", "/etc/sentry")]
    [InlineData("FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nFROM nginx\nCOPY --from=build /app/dist /usr/share/nginx/html\n", "/p/app/dist", "/usr/share/nginx/html")]
    [InlineData("FROM node:22\nWORKDIR /app\nCOPY package.json .\n", "/p/app/src", "/app/src")]
    [InlineData("FROM node:22\nWORKDIR $HOME\nCOPY . .\n", "/p/app", "/root")]
    [InlineData("FROM node:22\n# COPY . /app\n", "/p/app", "/app")]
    public void A_directory_copied_elsewhere_or_not_at_all_is_not_in_the_image(string dockerfile, string source, string target)
    {
        Assert.False(ImageCopies.Holds(dockerfile, Context, source, target));
    }
}
