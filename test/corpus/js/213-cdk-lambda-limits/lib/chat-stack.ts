// AWS CDK stack: three Lambda functions whose timeouts bound the code in their entry modules
// (30 s set, the 3 s default, 5 min set on a plain lambda.Function).
import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';

export class ChatStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    new NodejsFunction(this, 'Chat', {
      entry: 'lambda/chat.ts',
      runtime: lambda.Runtime.NODEJS_20_X,
      timeout: cdk.Duration.seconds(30),
    });
    new NodejsFunction(this, 'Summarize', {
      entry: path.join(__dirname, '../lambda/summarize.ts'),
      handler: 'handler',
      memorySize: 512,
    });
    new lambda.Function(this, 'Legacy', {
      runtime: lambda.Runtime.NODEJS_20_X,
      code: lambda.Code.fromAsset('lambda/legacy'),
      handler: 'index.handler',
      timeout: cdk.Duration.minutes(5),
    });
  }
}
