import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { jsonResponse, siteLinks } from '../../data/links';
import { projectDataPath, projectRecord } from '../../data/records';
import { loadModel } from '../../model/load';
import type { Project } from '../../model/types';

/** Each project as its own JSON file, at a URL that mirrors its page: /data/<department>/<year>/<slug>.json. */
export const getStaticPaths = (async () => {
  const model = await loadModel();
  return model.projects.map((project) => ({
    params: { project: projectDataPath(project).replace(/^data\//, '').replace(/\.json$/, '') },
    props: { key: project.key },
  }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

let byKey: Promise<Map<string, Project>> | undefined;
const projectsByKey = () => (byKey ??= loadModel().then((model) => new Map(model.projects.map((p) => [p.key, p]))));

export const GET: APIRoute<Props> = async ({ props, site }) => {
  const project = (await projectsByKey()).get(props.key)!;
  return jsonResponse(projectRecord(project, siteLinks(site)));
};
