// Express server mounting the article routes.
import express from 'express';
import { articles } from './routes/articles';

const app = express();
app.use(express.json());
app.use('/articles', articles);
app.listen(3000);
