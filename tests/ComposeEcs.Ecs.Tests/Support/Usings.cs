global using ComposeEcs.CloudFormation;
global using ComposeEcs.Compose.Model;
global using static ComposeEcs.Ecs.Tests.Projects;
