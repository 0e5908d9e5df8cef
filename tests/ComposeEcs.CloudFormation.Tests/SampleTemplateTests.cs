using ComposeEcs.CloudFormation;

namespace ComposeEcs.CloudFormation.Tests;

public class SampleTemplateTests
{
    [Fact]
    public void A_whole_template_reads_like_hand_written_cloudformation()
    {
        Assert.Equal(
            """
            AWSTemplateFormatVersion: "2010-09-09"
            Description: |-
              Sample: web + db
              second line
            Parameters:
              DbPassword:
                Type: String
                NoEcho: true
                MinLength: 1
              Subnets:
                Type: List<AWS::EC2::Subnet::Id>
                Description: at least two subnets
            Conditions:
              HasPassword:
                Fn::Not:
                  - Fn::Equals:
                      - Ref: DbPassword
                      - ""
            Resources:
              Cluster:
                Type: AWS::ECS::Cluster
                Properties:
                  ClusterName: sample
                  Tags:
                    - Key: com.docker.compose.project
                      Value: sample
              LogGroup:
                Type: AWS::Logs::LogGroup
                DeletionPolicy: Retain
                Properties:
                  LogGroupName:
                    Fn::Sub: /docker-compose/${AWS::StackName}
                  RetentionInDays: 7
              WebService:
                Type: AWS::ECS::Service
                DependsOn:
                  - LogGroup
                Properties:
                  Cluster:
                    Fn::GetAtt:
                      - Cluster
                      - Arn
                  DesiredCount: 2
                  EnableExecuteCommand: false
                  PropagateTags:
                    Fn::If:
                      - HasPassword
                      - SERVICE
                      - Ref: AWS::NoValue
                  NetworkConfiguration:
                    AwsvpcConfiguration:
                      AssignPublicIp: ENABLED
                      Subnets:
                        Ref: Subnets
                  ServiceName:
                    Fn::Join:
                      - "-"
                      - - Ref: AWS::StackName
                        - web
                  PlacementConstraints: []
            Outputs:
              ClusterArn:
                Value:
                  Fn::GetAtt:
                    - Cluster
                    - Arn
                Export:
                  Name:
                    Fn::Sub: ${AWS::StackName}-cluster

            """.ReplaceLineEndings("\n"),
            TemplateWriter.ToYaml(Trees.Sample()));
    }
}
